import Foundation
import Testing
import GRDB
import Corpus
@testable import Pipeline

/// A file that makes the process trap (a crash no `catch` can see, such as one inside a C
/// library) stops a run; the runs after it finish every other file first, then leave that
/// file out with a `failures` row, so a batch resubmitted after each stop always ends.
@Suite struct CrashRecoveryTests {
    @Test func aFileThatCrashesTheProcessIsLeftOutAfterTwoStops() throws {
        guard let binary = KillAndResumeTests.binary() else {
            Issue.record("the scrutiny executable was not built beside the tests")
            return
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("gen/gen-e-1/gen-e-1.txt"), encoding: .utf8)
        // the poisoned file is the largest, so it is started first and the first run stops
        // before anything else is read
        let names = ["a-poisoned.txt", "b-one.txt", "c-two.txt", "d-three.txt"]
        for (i, name) in names.enumerated() {
            try (text + String(repeating: "\n", count: names.count - i)).write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-crashc-\(UUID().uuidString)")
        func run(_ extra: [String] = [], trap: Bool = true) throws -> Process {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["run", "--quiet", "--jobs", "1", "--corpus", corpus.path] + extra + [input.path]
            var env = ProcessInfo.processInfo.environment
            env["SCRUTINY_TEST_TRAP_ON"] = trap ? "poisoned" : nil
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return p
        }
        func documents() throws -> Int {
            let store = try CorpusStore(folder: corpus, readOnly: true)
            return try store.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
        }

        let first = try run()
        #expect(first.terminationReason == .uncaughtSignal)
        #expect(try documents() == 0)
        // the second run reads the other files first, then stops on the poisoned one again
        let second = try run()
        #expect(second.terminationReason == .uncaughtSignal)
        #expect(try documents() == 3)
        // the third leaves it out: a failures row, exit 3, nothing lost or duplicated
        let third = try run()
        #expect(third.terminationReason == .exit && third.terminationStatus == 3)
        let store = try CorpusStore(folder: corpus, readOnly: true)
        let failures = try store.database.read { try String.fetchAll($0, sql: "SELECT reason FROM failures") }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("stopped 2 times") == true)
        #expect(try documents() == 3)
        // asked to retry failures (and no longer trapping), it is read
        let fourth = try run(["--retry-failed"], trap: false)
        #expect(fourth.terminationStatus == 0)
        #expect(try documents() == 4)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("attempts").path)) ?? []
        #expect(left.isEmpty)
    }
}
