import Foundation
import Testing
import GRDB
import ScrutinyCore
import Corpus
@testable import Pipeline

/// A real `scrutiny run` killed with SIGKILL part-way, then run again: the corpus ends
/// with every document once, each with exactly the rows a clean run gives it.
@Suite struct KillAndResumeTests {
    /// The `scrutiny` executable built beside the tests.
    static func binary() -> URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scrutiny"),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/scrutiny"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Per-document row counts by the paper a copy was made from.
    static func countsBySource(_ store: CorpusStore) throws -> [String: [Int]] {
        try store.database.read { db in
            var out: [String: [Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.source,
                  (SELECT COUNT(*) FROM records r WHERE r.doc_id = d.doc_id),
                  (SELECT COUNT(*) FROM finance f WHERE f.doc_id = d.doc_id),
                  (SELECT COUNT(*) FROM activities a WHERE a.doc_id = d.doc_id),
                  (SELECT COUNT(*) FROM tables t WHERE t.doc_id = d.doc_id)
                FROM documents d
                """) {
                out[row[0]] = [row[1], row[2], row[3], row[4]]
            }
            return out
        }
    }

    @Test func aKilledRunResumesWithNoDuplicatedAndNoPartialRows() throws {
        guard let binary = Self.binary() else {
            Issue.record("the scrutiny executable was not built beside the tests")
            return
        }
        let originals = ["gen-c-1", "gen-e-1", "gen-a-1"]
        let copies = 12
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in originals {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("gen/\(name)/\(name).txt"), encoding: .utf8)
            for i in 0..<copies {
                // A changed byte makes each copy a new document with the original's rows.
                try (text + "\n" + String(repeating: " ", count: i + 1) + "\n")
                    .write(to: input.appendingPathComponent("\(name)-copy\(i).txt"), atomically: true, encoding: .utf8)
            }
        }
        let total = originals.count * copies

        // Reference: each original alone, in process.
        let reference = try Fixtures.corpus()
        let refRunner = BatchRunner(pipeline: try PipelineFile.parse(PipelineFile.defaultYAML), store: reference, jobs: 2)
        refRunner.progress = { _ in }
        _ = refRunner.run(originals.map { input.appendingPathComponent("\($0)-copy0.txt").path })
        let expected = try Self.countsBySource(reference)
        #expect(expected.count == originals.count)

        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-killc-\(UUID().uuidString)")
        func start() throws -> Process {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["run", "--quiet", "--jobs", "2", "--corpus", corpus.path, input.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        // Kill the first run once a few documents are in.
        let first = try start()
        var documentsAtKill = 0
        let giveUp = Date().addingTimeInterval(300)
        while first.isRunning && Date() < giveUp {
            usleep(20_000)
            if let store = try? CorpusStore(folder: corpus, readOnly: true),
               let n = try? store.database.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sources") ?? 0 }), n >= 3 {
                documentsAtKill = n
                kill(first.processIdentifier, SIGKILL)
                break
            }
        }
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        #expect(documentsAtKill < total)

        // Run again to the end.
        let second = try start()
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)

        let store = try CorpusStore(folder: corpus, readOnly: true)
        let counts = try store.rowCounts()
        #expect(counts["documents"] == total)
        let bySource = try Self.countsBySource(store)
        #expect(bySource.count == total)
        for (source, rows) in bySource {
            let original = source.components(separatedBy: "-copy").first ?? source
            #expect(rows == expected["\(original)-copy0.txt"], "\(source)")
        }
        let sources = try store.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT doc_id) FROM sources") }
        #expect(sources == total)
    }
}
