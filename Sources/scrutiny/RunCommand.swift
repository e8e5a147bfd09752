import ArgumentParser
import Foundation
import Corpus
import Pipeline

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

    @Option(help: "Documents processed at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Run again the documents that failed in earlier runs.")
    var retryFailed = false

    @Flag(help: "Print only the summary.")
    var quiet = false

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
        if retryFailed { paths += try store.failedPaths() }
        paths = Array(NSOrderedSet(array: paths)) as? [String] ?? paths
        guard !paths.isEmpty else { throw ValidationError("no input files") }
        let runner = BatchRunner(pipeline: file, store: store, jobs: jobs)
        runner.fromStage = from
        if quiet { runner.progress = { line in if line.contains("FAILED") || line.contains("warning") { FileHandle.standardError.write(Data((line + "\n").utf8)) } } }
        let summary = runner.run(paths)
        try CorpusExporter(store: store).export()
        let stages = summary.stageRuns.sorted { $0.key < $1.key }
            .map { String(format: "%@=%d (%.2fs)", $0.key, $0.value, summary.stageSeconds[$0.key] ?? 0) }.joined(separator: " ")
        print(String(format: "%d written, %d unchanged, %d failed in %.1fs; stage runs: %@",
                     summary.written, summary.unchanged, summary.failed, summary.seconds, stages.isEmpty ? "none" : stages))
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
