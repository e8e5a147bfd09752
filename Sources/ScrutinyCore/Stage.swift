import Foundation

/// A pipeline stage: a named, versioned, pure step from one typed artifact to the next.
///
/// Stages are values built from their options (decoded from the pipeline file). The
/// runner caches each stage's output per document under a key made of the input's key,
/// the stage's name and version, and its encoded options.
public protocol Stage: Sendable {
    associatedtype Input: Codable & Sendable
    associatedtype Output: Codable & Sendable
    associatedtype Options: Codable & Sendable

    /// The stage's name as pipeline files spell it (`text`, `layout`, …).
    static var name: String { get }
    /// Bumped whenever the stage's output for the same input may change.
    static var version: Int { get }

    var options: Options { get }
    init(options: Options)
    func run(_ input: Input, context: StageContext) throws -> Output
}

/// What a stage may know about the run besides its input.
public struct StageContext: Sendable {
    /// Called with a one-line warning about the document being processed.
    public var warn: @Sendable (String) -> Void
    /// When the document's time is up; stages doing long per-page work call `checkDeadline()`
    /// between pages so one pathological file cannot hold a worker for ever.
    public var deadline: Date?
    /// Called with the number of pages a stage has just finished (for progress).
    public var pagesDone: @Sendable (Int) -> Void

    public init(warn: @escaping @Sendable (String) -> Void = { _ in }, deadline: Date? = nil,
                pagesDone: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.warn = warn; self.deadline = deadline; self.pagesDone = pagesDone
    }

    /// Throws `TimeLimitExceeded` once the deadline has passed.
    public func checkDeadline() throws {
        if let deadline, Date() > deadline { throw TimeLimitExceeded() }
    }
}

/// A document that took longer than the run's per-document time limit.
public struct TimeLimitExceeded: Error, CustomStringConvertible, Sendable {
    public init() {}
    public var description: String { "over the per-document time limit" }
}

/// Options for a stage that takes none.
public struct NoOptions: Codable, Sendable, Hashable {
    public init() {}
}

/// An error that says which stage, which document, and what went wrong, in one line.
public struct StageError: Error, CustomStringConvertible, Sendable {
    public var stage: String
    public var document: String
    public var reason: String

    public init(stage: String, document: String, reason: String) {
        self.stage = stage; self.document = document; self.reason = reason
    }

    public var description: String { "\(document): \(stage): \(reason)" }
}

/// An input the pipeline cannot read (not a PDF, encrypted, empty…), with a one-line reason.
public struct UnreadableInput: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
