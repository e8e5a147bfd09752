import Foundation
import Testing
import ScrutinyCore
import Corpus
import GRDB
@testable import Pipeline

/// Fixture papers shipped with the tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let pipelines = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("pipelines")

    /// Copies `names` from Tests/Fixtures/text into a fresh folder; returns the folder.
    static func textPapers(_ names: [String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for n in names {
            try FileManager.default.copyItem(at: root.appendingPathComponent("text/\(n)"), to: dir.appendingPathComponent(n))
        }
        return dir
    }

    static func textPaperNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("text").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func corpus() throws -> CorpusStore {
        try CorpusStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-c-\(UUID().uuidString)"))
    }
}

@Suite struct BatchRunnerTests {
    func runner(_ store: CorpusStore, yaml: String = PipelineFile.defaultYAML) throws -> BatchRunner {
        let r = BatchRunner(pipeline: try PipelineFile.parse(yaml), store: store, jobs: 2)
        r.progress = { _ in }
        return r
    }

    @Test func aRerunDoesNoStageWorkAndAddsNoRows() throws {
        let names = Array(try Fixtures.textPaperNames().prefix(3))
        let input = try Fixtures.textPapers(names)
        let store = try Fixtures.corpus()
        let first = try runner(store).run(BatchRunner.expand([input.path]))
        #expect(first.written == names.count)
        #expect(first.stageRuns["extract"] == names.count)
        let counts = try store.rowCounts()
        #expect((counts["records"] ?? 0) > 0)

        let second = try runner(store).run(BatchRunner.expand([input.path]))
        #expect(second.unchanged == names.count)
        #expect(second.stageRuns.isEmpty)
        #expect(try store.rowCounts() == counts)
    }

    /// A batch refreshes the indicator catalogue once, at its end: nothing is left pending,
    /// and the catalogue is the one a rebuild from the stored rows gives.
    @Test func aBatchLeavesTheCatalogueAsARebuildWouldMakeIt() throws {
        let names = Array(try Fixtures.textPaperNames().prefix(3))
        let store = try Fixtures.corpus()
        let summary = try runner(store).run(BatchRunner.expand([try Fixtures.textPapers(names).path]))
        #expect(summary.written == names.count)
        #expect(summary.corpusSeconds > 0)
        func catalogue() throws -> [String] {
            try store.database.read { db in
                try String.fetchAll(db, sql: "SELECT id || '|' || record_count || '|' || document_count FROM indicators ORDER BY id")
            }
        }
        let afterRun = try catalogue()
        #expect(afterRun.count > 10)
        #expect(try store.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM catalogue_pending") } == 0)
        try store.rebuildCatalogue()
        #expect(try catalogue() == afterRun)
    }

    @Test func fromExtractRecomputesOnlyExtractAndReplacesRows() throws {
        let names = Array(try Fixtures.textPaperNames().prefix(2))
        let input = try Fixtures.textPapers(names)
        let store = try Fixtures.corpus()
        _ = try runner(store).run(BatchRunner.expand([input.path]))
        let counts = try store.rowCounts()
        let again = try runner(store)
        again.fromStage = "extract"
        let summary = again.run(try store.sourcePaths())
        #expect(summary.stageRuns == ["extract": names.count])
        #expect(summary.written == names.count)
        #expect(try store.rowCounts() == counts)
    }

    @Test func changedStageOptionsRecomputeFromThatStage() throws {
        let names = Array(try Fixtures.textPaperNames().prefix(1))
        let input = try Fixtures.textPapers(names)
        let store = try Fixtures.corpus()
        _ = try runner(store).run(BatchRunner.expand([input.path]))
        let other = PipelineFile.defaultYAML.replacingOccurrences(of: "dpi: 300", with: "dpi: 200")
        let summary = try runner(store, yaml: other).run(BatchRunner.expand([input.path]))
        #expect(summary.stageRuns["text"] == 1)
        #expect(summary.written == 1)
        #expect(try store.rowCounts()["documents"] == 1)
    }

    @Test func badFilesFailOneByOneAndTheBatchGoesOn() throws {
        let names = Array(try Fixtures.textPaperNames().prefix(1))
        let input = try Fixtures.textPapers(names)
        let bad: [(String, Data)] = [
            ("empty.txt", Data()),
            ("fake.pdf", Data("hello, not a pdf".utf8)),
            ("nul.txt", Data([0x41, 0x00, 0x00, 0x42])),
            ("archive.txt", Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])),
        ]
        for (n, d) in bad { try d.write(to: input.appendingPathComponent(n)) }
        let store = try Fixtures.corpus()
        let collected = LineCollector()
        let r = try runner(store)
        r.progress = { collected.add($0) }
        let summary = r.run(BatchRunner.expand([input.path, input.appendingPathComponent("missing.txt").path]))
        #expect(summary.written == 1)
        #expect(summary.failed == bad.count + 1)
        #expect(try store.failedPaths().count == bad.count + 1)
        let lines = collected.lines
        for (n, _) in bad {
            let line = lines.first { $0.contains(n) && $0.contains("FAILED") }
            #expect(line != nil, "no failure line for \(n)")
            #expect(line.map { !$0.contains("\n") } ?? false)
        }
        #expect(try store.rowCounts()["documents"] == 1)
    }

    @Test func theLargestFilesAreStartedFirstAndFilesThatStoppedARunLast() {
        // sizes 10, 900, 50, 900, 700; the 700 one stopped an earlier run
        let order = BatchRunner.workOrder(stops: [0, 0, 0, 0, 1], sizes: [10, 900, 50, 900, 700])
        #expect(order == [1, 3, 2, 0, 4])
        // counter-example: equal sizes keep the input order
        #expect(BatchRunner.workOrder(stops: [0, 0, 0], sizes: [5, 5, 5]) == [0, 1, 2])
    }

    @Test func everyPipelineFileInTheRepositoryLoadsAndRuns() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.pipelines.path).filter { $0.hasSuffix(".yml") }
        #expect(files.count >= 2)
        let names = Array(try Fixtures.textPaperNames().prefix(1))
        let input = try Fixtures.textPapers(names)
        for f in files {
            let pipeline = try PipelineFile.load(path: Fixtures.pipelines.appendingPathComponent(f).path)
            let store = try Fixtures.corpus()
            let r = BatchRunner(pipeline: pipeline, store: store, jobs: 1)
            r.progress = { _ in }
            let s = r.run(BatchRunner.expand([input.path]))
            #expect(s.written == 1, "\(f)")
        }
    }

    @Test func pipelineFilesWithUnknownStagesOrBrokenChainsAreRejected() {
        #expect(throws: PipelineFileError.self) { try PipelineFile.parse("stages: [text, cartography, extract]") }
        #expect(throws: PipelineFileError.self) { try PipelineFile.parse("stages: [text, extract]") }
        #expect(throws: PipelineFileError.self) { try PipelineFile.parse("stages: [layout, normalise, extract]") }
        #expect(throws: (any Error).self) { try PipelineFile.parse("stages:\n  - stage: text\n    options: { ocr: sometimes }\n  - layout\n  - normalise\n  - extract") }
    }
}

/// Progress lines gathered from worker threads.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

/// No silent empties: a paper whose pages carry figures but gave no rows is named in the
/// run's summary and stored in the corpus's coverage table, worst first.
@Suite struct CoverageInRunTests {
    @Test func aPaperWithFiguresButNoRowsIsNamedInTheSummaryAndListedFirst() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-cov-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let wards = (["# Electoral statistics", "", "| Ward | Households | Electors | Polling stations |", "|---|---|---|---|"]
            + (1...8).map { "| Ward \($0) | \(3000 + 17 * $0) | \(5000 + 31 * $0) | \($0 + 2) |" }).joined(separator: "\n")
        try wards.write(to: dir.appendingPathComponent("wards.md"), atomically: true, encoding: .utf8)
        let paper = try #require(try Fixtures.textPaperNames().first)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("text/\(paper)"),
                                         to: dir.appendingPathComponent(paper))
        let store = try Fixtures.corpus()
        let lines = LineCollector()
        let runner = BatchRunner(pipeline: try PipelineFile.parse(PipelineFile.defaultYAML), store: store, jobs: 2)
        runner.progress = { lines.add($0) }
        let summary = runner.run(BatchRunner.expand([dir.path]))
        #expect(summary.written == 2)
        #expect(summary.unread == ["wards.md: 24 figures, 0 records, 0 finance lines, 0 activities"])
        #expect(lines.lines.contains { $0.contains("warning: wards.md: 24 figures, 0 records") })
        #expect(summary.figuresUsed > 0 && summary.figures > summary.figuresUsed)
        let report = try CoverageReport.worstFirst(store)
        #expect(report.rows.count == 2)
        #expect(report.rows.first?.first == "wards.md".databaseValue)
        #expect(report.rows.last?.first == paper.databaseValue)
    }
}
