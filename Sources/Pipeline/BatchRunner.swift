import Foundation
import ScrutinyCore
import Corpus

/// Runs a pipeline over many documents: documents spread over worker threads, each
/// stage's output cached per document, every document written to the corpus in its own
/// transaction. A document that fails gets one line on stderr and a `failures` row; the
/// rest of the batch goes on.
public final class BatchRunner: @unchecked Sendable {
    public let pipeline: PipelineFile
    public let store: CorpusStore
    public let cache: ArtifactCache
    public var jobs: Int
    /// Stages from this one on are recomputed even when cached.
    public var fromStage: String?
    /// When set, only the documents of this shard are processed (the rest are skipped).
    public var shard: Shard?
    /// Seconds one document may take before it is failed (checked between pages and stages).
    public var timeLimit: TimeInterval?
    /// Called (from worker threads) with pages just finished, for progress displays.
    public var onPages: @Sendable (Int) -> Void = { _ in }
    /// Called with progress lines (already formatted).
    public var progress: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    /// What happened to one document.
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        case written, unchanged, skipped, failed(String)

        public var description: String {
            switch self {
            case .written: return "written"
            case .unchanged: return "unchanged"
            case .skipped: return "skipped (other shard)"
            case .failed(let why): return "FAILED: \(why)"
            }
        }
    }

    /// Totals of a run.
    public struct Summary: Sendable {
        public var written = 0, unchanged = 0, failed = 0
        /// Documents left to other shards.
        public var skipped = 0
        /// Stage runs actually computed (not loaded from the cache), by stage name.
        public var stageRuns: [String: Int] = [:]
        /// Seconds spent computing each stage, summed over documents.
        public var stageSeconds: [String: Double] = [:]
        /// Seconds spent encoding and storing stage outputs in the cache, summed over documents.
        public var cacheSeconds = 0.0
        /// Seconds spent writing documents' rows to the corpus, summed over documents.
        public var corpusSeconds = 0.0
        public var pages = 0
        public var seconds = 0.0
        /// Papers written in this run whose pages carry figures but which gave no rows,
        /// one line each (`report.pdf: 71 pages, 412 figures, 0 records, …`).
        public var unread: [String] = []
        /// Figures printed on the pages of the papers written, and how many ended up in rows.
        public var figures = 0, figuresUsed = 0
    }

    private let lock = NSLock()
    private var summary = Summary()

    public init(pipeline: PipelineFile, store: CorpusStore, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.store = store
        self.cache = ArtifactCache(root: store.folder.appendingPathComponent("cache"))
        self.jobs = max(1, jobs)
    }

    /// Expands files and folders (recursively) into the input files, sorted, hidden files skipped.
    public static func expand(_ inputs: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { files.append(input); continue }
            if !isDir.boolValue { files.append(input); continue }
            let base = URL(fileURLWithPath: input)
            guard let e = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                        options: [.skipsHiddenFiles]) else { continue }
            var found: [String] = []
            for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let name = url.lastPathComponent
                if name.hasSuffix(".jsonl") || name.hasSuffix(".sqlite") || name.hasPrefix("corpus.sqlite") { continue }
                found.append(url.path)
            }
            files += found.sorted()
        }
        return files
    }

    /// Files open when earlier runs stopped (see `AttemptLog`).
    public var attempts: AttemptLog { AttemptLog(folder: store.folder.appendingPathComponent("attempts")) }

    /// Runs every input; returns the totals. A file that was open when `AttemptLog.limit`
    /// earlier runs stopped is left out with a `failures` row (it most likely stopped them);
    /// one open when a single run stopped is tried again after the others.
    public func run(_ paths: [String]) -> Summary {
        let start = Date()
        let log = attempts
        let stops = paths.map { log.stops($0) }
        let sizes = paths.map { FileSize.of($0) ?? 0 }
        let order = Self.workOrder(stops: stops, sizes: sizes)
        let next = Counter()
        let total = paths.count
        let workers = min(jobs, max(1, total))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let n = next.take(below: total) {
                let i = order[n]
                let outcome: Outcome, pages: Int
                if stops[i] >= AttemptLog.limit {
                    let reason = "the pipeline stopped \(stops[i]) times while reading this file; left out (run with --retry-failed to try it again)"
                    try? self.store.recordFailure(path: paths[i], docID: nil, stage: "run", reason: reason)
                    (outcome, pages) = (.failed(reason), 0)
                } else {
                    log.begin(paths[i], stops: stops[i])
                    (outcome, pages) = self.processDocument(paths[i])
                    log.finish(paths[i])
                }
                self.lock.lock()
                switch outcome {
                case .written: summary.written += 1
                case .unchanged: summary.unchanged += 1
                case .failed: summary.failed += 1
                case .skipped: summary.skipped += 1
                }
                let done = summary.written + summary.unchanged + summary.failed + summary.skipped
                self.lock.unlock()
                if case .failed = outcome {
                    progress("\(paths[i]): \(outcome)")
                }
                onDocument(DocumentEvent(path: paths[i], outcome: outcome, pages: pages, done: done, total: total))
            }
        }
        let refreshing = Date()
        do { try store.refreshPendingCatalogue() } catch {
            progress("warning: the indicator catalogue was not refreshed (\(Self.oneLine(error))); the next run refreshes it")
        }
        summary.corpusSeconds += Date().timeIntervalSince(refreshing)
        // an orderly run leaves no markers: the folder goes when empty
        if (try? FileManager.default.contentsOfDirectory(atPath: log.folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: log.folder)
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// The order documents are handed to workers: files that stopped no earlier run first,
    /// then the others; within each group the largest file first, ties in input order.
    /// Size stands in for work (a scanned paper is a big file and costs seconds a page to
    /// read): starting the longest tasks first keeps every worker busy to the end instead
    /// of leaving one big file to run alone after the small ones are done.
    static func workOrder(stops: [Int], sizes: [Int]) -> [Int] {
        let bySize = stops.indices.sorted { a, b in sizes[a] != sizes[b] ? sizes[a] > sizes[b] : a < b }
        return bySize.filter { stops[$0] == 0 } + bySize.filter { stops[$0] > 0 }
    }

    /// One finished document, for progress displays.
    public struct DocumentEvent: Sendable {
        public var path: String
        public var outcome: Outcome
        /// Pages of the document (0 when it failed before they were known).
        public var pages: Int
        /// Documents finished so far, and in the whole batch.
        public var done: Int, total: Int
    }

    /// Called (from worker threads) after each document.
    public var onDocument: @Sendable (DocumentEvent) -> Void = { _ in }


    /// Runs one document through every stage and writes it; never throws.
    public func process(_ path: String) -> Outcome {
        let outcome = processDocument(path).0
        try? store.refreshPendingCatalogue()
        return outcome
    }

    /// `process`, also giving the document's page count (0 when unknown).
    func processDocument(_ path: String) -> (Outcome, Int) {
        if let needle = Self.trapOn, path.contains(needle) { fatalError("SCRUTINY_TEST_TRAP_ON: trapping on \(path)") }
        var stageName = IngestStage.name
        var docID: String?
        do {
            let source = try IngestStage().run(path: path)
            docID = source.docID
            if let shard, !shard.contains(docID: source.docID) { return (.skipped, 0) }
            var key = source.docID
            var keys: [String] = []
            for s in pipeline.stages {
                key = ArtifactCache.key(inputKey: key, stage: s.name, version: s.version, options: s.optionsKey)
                keys.append(key)
            }
            let fromIndex = fromStage.flatMap { f in pipeline.stages.firstIndex { $0.name == f } } ?? pipeline.stages.count
            if fromStage == nil, try store.extractionKey(docID: source.docID) == key { return (.unchanged, 0) }
            // Resume from the latest cached output before the first stage to recompute.
            var value: Any = source
            var startIndex = 0
            for i in stride(from: min(fromIndex, pipeline.stages.count) - 1, through: 0, by: -1) {
                let s = pipeline.stages[i]
                if let data = cache.data(stage: s.name, key: keys[i]), let decoded = try? s.decode(data) {
                    value = decoded
                    startIndex = i + 1
                    break
                }
            }
            let context = StageContext(warn: { [progress] w in progress("\(source.source): warning: \(w)") },
                                       deadline: timeLimit.map { Date().addingTimeInterval($0) },
                                       pagesDone: onPages)
            for i in startIndex..<pipeline.stages.count {
                let s = pipeline.stages[i]
                stageName = s.name
                let started = Date()
                value = try s.runner(value, context)
                try context.checkDeadline()
                let computed = Date()
                let data = try s.encode(value)
                try cache.store(encoded: data, stage: s.name, key: keys[i])
                let cached = Date()
                lock.withLock {
                    summary.stageRuns[s.name, default: 0] += 1
                    summary.stageSeconds[s.name, default: 0] += computed.timeIntervalSince(started)
                    summary.cacheSeconds += cached.timeIntervalSince(computed)
                }
            }
            guard let extraction = value as? Extraction else {
                throw StageError(stage: stageName, document: source.source, reason: "the pipeline did not produce an extraction")
            }
            stageName = "corpus"
            let pages = extraction.document.pages ?? 1
            lock.lock(); summary.pages += pages; lock.unlock()
            let writing = Date()
            let wrote = try store.replace(extraction, path: path, extractionKey: key, pipeline: pipeline.name,
                                          force: fromStage != nil, deferringCatalogue: true)
            let written = Date().timeIntervalSince(writing)
            lock.withLock { summary.corpusSeconds += written }
            if wrote, let c = extraction.coverage {
                let unread = c.isUnread ? c.unreadLine(source: source.source) : nil
                lock.withLock {
                    summary.figures += c.figures; summary.figuresUsed += c.used
                    if let unread { summary.unread.append(unread) }
                }
                if let unread { progress("warning: \(unread)") }
            }
            return (wrote ? .written : .unchanged, pages)
        } catch {
            let reason = Self.oneLine(error)
            try? store.recordFailure(path: path, docID: docID, stage: stageName, reason: reason)
            return (.failed("\(stageName): \(reason)"), 0)
        }
    }

    /// Fault injection for the crash-recovery tests: the process traps on files whose path
    /// contains `SCRUTINY_TEST_TRAP_ON`.
    static let trapOn: String? = ProcessInfo.processInfo.environment["SCRUTINY_TEST_TRAP_ON"].flatMap { $0.isEmpty ? nil : $0 }

    static func oneLine(_ error: Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// A thread-safe counter handing out indices to workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// One share of an archive, `index` of `count` (1-based): a document belongs to the shard
/// its doc_id falls in, so N machines given the same archive each take a disjoint share.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        index = i; count = n
    }

    /// Whether a document (by its SHA-256 hex doc_id) belongs to this shard.
    public func contains(docID: String) -> Bool {
        let prefix = UInt64(docID.prefix(15), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
