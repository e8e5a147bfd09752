import ArgumentParser
import Foundation
import Corpus
import Pipeline
import OCR

/// `scrutiny run`: the pipeline over files and folders, into a corpus.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline over papers (files or folders, recursive) into a corpus.",
        discussion: "Exit status 0 when every document succeeded, 3 when the run finished with failures.")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "The pipeline file (YAML). Default: the built-in committee-papers pipeline.")
    var pipeline: String?

    @Option(help: "Recompute this stage and every later one, even when cached.")
    var from: String?

    @Option(help: "Cores to use: documents processed at once, and page images OCR'd at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Run again the documents that failed in earlier runs.")
    var retryFailed = false

    @Flag(help: "Print only failures and the summary.")
    var quiet = false

    @Flag(help: "Print a line per document.")
    var verbose = false

    @Option(help: "Take only shard I of N of the inputs (by doc_id), e.g. 2/8, for runs spread over machines.")
    var shard: String?

    @Option(name: .customLong("time-limit"), help: "Seconds one document may take before it is failed (default: no limit).")
    var timeLimit: Double?

    @Argument(help: "Papers: files or folders. With --from and no inputs, the documents already in the corpus.")
    var inputs: [String] = []

    func run() throws {
        let file = try pipeline.map(PipelineFile.load(path:)) ?? PipelineFile.parse(PipelineFile.defaultYAML)
        if let from, !file.stages.contains(where: { $0.name == from }) {
            throw ValidationError("no stage `\(from)` in the pipeline (stages: \(file.stages.map(\.name).joined(separator: ", ")))")
        }
        let store = try CorpusStore(folder: corpusOptions.url)
        var paths = BatchRunner.expand(inputs)
        if inputs.isEmpty && from != nil { paths = try store.sourcePaths() }
        let retried = retryFailed ? try store.failedPaths() : []
        paths += retried
        paths = Array(NSOrderedSet(array: paths)) as? [String] ?? paths
        guard !paths.isEmpty else { throw ValidationError("no input files") }
        OCRPool.useCores(jobs)
        let runner = BatchRunner(pipeline: file, store: store, jobs: jobs)
        // files left out after stopping earlier runs are tried again when asked for
        for path in retried { runner.attempts.finish(path) }
        runner.fromStage = from
        runner.timeLimit = timeLimit
        if let shard {
            guard let s = Shard(shard) else { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/8") }
            runner.shard = s
        }
        let display = ProgressDisplay(verbose: verbose && !quiet)
        runner.progress = { line in
            if quiet && !line.contains("FAILED") { return }
            display.message(line)
        }
        if !quiet { runner.onDocument = { display.document($0) } }
        let summary = runner.run(paths)
        try CorpusExporter(store: store).export()
        let stages = summary.stageRuns.sorted { $0.key < $1.key }
            .map { String(format: "%@=%d (%.2fs)", $0.key, $0.value, summary.stageSeconds[$0.key] ?? 0) }.joined(separator: " ")
        let skipped = summary.skipped > 0 ? ", \(summary.skipped) skipped (other shards)" : ""
        print(String(format: "%d written, %d unchanged, %d failed%@ in %.1fs (%d pages, %.1f pages/s); stage runs: %@; cache writes %.2fs, corpus writes %.2fs",
                     summary.written, summary.unchanged, summary.failed, skipped, summary.seconds, summary.pages,
                     Double(summary.pages) / max(summary.seconds, 0.001), stages.isEmpty ? "none" : stages,
                     summary.cacheSeconds, summary.corpusSeconds))
        if summary.figures > 0 {
            print(String(format: "coverage: %d of %d figures printed on the pages written ended up in rows (%.1f%%)",
                         summary.figuresUsed, summary.figures, 100 * Double(summary.figuresUsed) / Double(summary.figures)))
        }
        if !summary.unread.isEmpty {
            print("\(summary.unread.count) paper\(summary.unread.count == 1 ? "" : "s") with figures gave no rows (see `scrutiny coverage`):")
            for line in summary.unread.sorted() { print("  " + line) }
        }
        if summary.failed > 0 { throw ExitCode(3) }
    }
}

/// `scrutiny export`: the corpus tables as JSON Lines or CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the corpus tables as JSONL or CSV files.")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "jsonl or csv.")
    var format: CorpusExporter.Format = .jsonl

    @Option(help: "Folder to write into (default: the corpus folder).")
    var out: String?

    func run() throws {
        let store = try corpusOptions.openReadOnly()
        let files = try CorpusExporter(store: store).export(format: format, to: out.map { URL(fileURLWithPath: $0) })
        for f in files { print(f.path) }
    }
}

/// `scrutiny query`: one read-only SQL statement over the corpus.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Run a read-only SQL query on the corpus.",
        discussion: "Example: scrutiny query \"SELECT code, period_end, actual FROM records WHERE code = 'NI060'\"")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "table, csv or json.")
    var format: QueryResult.Format = .table

    @Argument(help: "The SQL statement.")
    var sql: String

    func run() throws {
        let store = try corpusOptions.openReadOnly()
        do {
            print(try QueryResult.run(sql, in: store).render(format), terminator: "")
        } catch {
            throw ValidationError("query failed: \(error)")
        }
    }
}

/// `scrutiny merge`: shard corpora into one, without duplicates.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge corpora (e.g. from `run --shard I/N` on several machines) into --corpus.",
        discussion: "Merging the same shard twice adds nothing; a document present in both with another extraction key takes the shard's rows.")

    @OptionGroup var corpusOptions: CorpusOptions

    @Argument(help: "Corpus folders to merge in.")
    var shards: [String]

    func run() throws {
        let store = try CorpusStore(folder: corpusOptions.url)
        for shard in shards {
            let s = try store.merge(from: URL(fileURLWithPath: shard))
            print("\(shard): \(s.added) added, \(s.replaced) replaced, \(s.unchanged) unchanged, \(s.failures) failures")
        }
        try CorpusExporter(store: store).export()
    }
}
