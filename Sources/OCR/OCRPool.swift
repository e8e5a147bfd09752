import Foundation
import ScrutinyCore

/// One page to OCR: its image, page number and the ruling lines already found on it.
public struct OCRPageJob: Sendable {
    public var image: GrayImage
    public var page: Int?
    public var rules: [Box]

    public init(image: GrayImage, page: Int?, rules: [Box] = []) {
        self.image = image; self.page = page; self.rules = rules
    }
}

/// OCRs page images on N dedicated threads (not the Swift cooperative pool: a page takes
/// seconds of blocking C work), one `TesseractEngine` per thread, created on that thread
/// and never leaving it. Threads start on first use and live as long as the pool.
/// `read` blocks its caller until every page of the call is done and returns the pages in
/// the order given; calls from several threads share the workers.
public final class OCRPool: @unchecked Sendable {
    // Safety: all mutable state is guarded by `condition`; engines are thread-local.
    private let condition = NSCondition()
    private var queue: [(job: OCRPageJob, options: OCRPageReader.Options, batch: Batch, index: Int)] = []
    private var started = false
    private var width: Int
    public let language: String

    /// Worker threads (fixed once the first page is read).
    public var threads: Int { condition.withLock { width } }

    /// A pool shared by the process, `SCRUTINY_OCR_THREADS` threads wide (default: the
    /// number of active cores, or what `useCores` sets before the first page is read).
    public static let shared = OCRPool(threads: sharedWidthFromEnvironment ?? ProcessInfo.processInfo.activeProcessorCount)

    /// `SCRUTINY_OCR_THREADS`, when set: it wins over `useCores`.
    static let sharedWidthFromEnvironment = ProcessInfo.processInfo.environment["SCRUTINY_OCR_THREADS"].flatMap(Int.init)

    public init(threads: Int, language: String = "eng") {
        self.width = max(1, threads)
        self.language = language
    }

    /// Makes the shared pool `cores` threads wide, so a run given N cores (`--jobs N`, a
    /// Slurm task's CPUs) OCRs on N threads, not on every core of the machine. Has no
    /// effect once pages have been read, or when `SCRUTINY_OCR_THREADS` is set.
    public static func useCores(_ cores: Int) {
        guard sharedWidthFromEnvironment == nil else { return }
        shared.use(cores: cores)
    }

    /// Makes this pool `cores` threads wide, unless it has already started reading.
    func use(cores: Int) {
        condition.withLock { if !started { width = max(1, cores) } }
    }

    /// OCRs every job with `options`; results in the jobs' order. Throws the first error
    /// (e.g. missing language data) after all jobs of the call are finished.
    public func read(_ jobs: [OCRPageJob], options: OCRPageReader.Options = .init()) throws -> [PageText] {
        guard !jobs.isEmpty else { return [] }
        let batch = Batch(count: jobs.count)
        condition.lock()
        if !started { startThreads(); started = true }
        for (i, job) in jobs.enumerated() { queue.append((job, options, batch, i)) }
        condition.broadcast()
        condition.unlock()
        return try batch.wait()
    }

    private func startThreads() {
        for n in 0..<width {
            let thread = Thread { [self] in work() }
            thread.name = "ocr-\(n)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func work() {
        let engine: Result<TesseractEngine, Error> = Result { try TesseractEngine(language: language) }
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let item = queue.removeFirst()
            condition.unlock()
            let result: Result<PageText, Error> = Result {
                let engine = try engine.get()
                engine.segmentation = item.options.segmentation
                return try OCRPageReader(options: item.options).read(item.job.image, page: item.job.page,
                                                                     engine: engine, rules: item.job.rules)
            }
            item.batch.finish(item.index, result)
        }
    }

    /// The pages of one `read` call, filled in by the workers.
    private final class Batch: @unchecked Sendable {
        // Safety: guarded by `condition`.
        private let condition = NSCondition()
        private var results: [Result<PageText, Error>?]
        private var remaining: Int

        init(count: Int) { results = Array(repeating: nil, count: count); remaining = count }

        func finish(_ index: Int, _ result: Result<PageText, Error>) {
            condition.lock()
            results[index] = result
            remaining -= 1
            if remaining == 0 { condition.broadcast() }
            condition.unlock()
        }

        func wait() throws -> [PageText] {
            condition.lock()
            while remaining > 0 { condition.wait() }
            let done = results
            condition.unlock()
            return try done.map { try $0!.get() }
        }
    }
}
