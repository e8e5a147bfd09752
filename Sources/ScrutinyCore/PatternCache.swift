import Foundation

/// Compiled regular expressions shared across calls and threads: compiling a pattern
/// costs far more than matching it, and rules test the same patterns on every cell.
public enum PatternCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]

    /// The compiled form of an ICU pattern (compiled once per process).
    public static func regex(_ pattern: String) -> NSRegularExpression {
        lock.lock(); defer { lock.unlock() }
        if let r = compiled[pattern] { return r }
        let r = try! NSRegularExpression(pattern: pattern)
        compiled[pattern] = r
        return r
    }
}

extension StringProtocol {
    /// Whether an ICU regular expression matches anywhere in the text (compiled once, cached).
    public func matches(pattern: String) -> Bool {
        let s = String(self)
        return PatternCache.regex(pattern).firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}

/// Answers already worked out for a pure function of a value that recurs (a header label,
/// a table cell), shared by threads. Remembers "no answer" too. Bounded: emptied when it
/// holds `capacity` keys, so an archive's stream of mostly distinct keys cannot grow it.
public final class BoundedMemo<Key: Hashable, Value>: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var answers: [Key: Value?] = [:]

    public init(capacity: Int) { self.capacity = capacity }

    /// The remembered answer for `key`, working it out with `compute` the first time.
    public func value(for key: Key, compute: (Key) -> Value?) -> Value? {
        lock.lock()
        if let known = answers[key] { lock.unlock(); return known }
        lock.unlock()
        let answer = compute(key)
        lock.lock(); defer { lock.unlock() }
        if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = .some(answer)
        return answer
    }
}
