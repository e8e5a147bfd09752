import Foundation
import Testing
import GRDB
import ScrutinyCore
@testable import Corpus

@Suite struct CorpusMergeTests {
    @Test func mergingShardsTwiceGivesEachDocumentOnceWithItsCatalogue() throws {
        let a = try temporaryCorpus(), b = try temporaryCorpus(), merged = try temporaryCorpus()
        try a.replace(sampleExtraction(docID: "aaa", records: 3), path: "/p/a.txt", extractionKey: "k1", pipeline: "t")
        try b.replace(sampleExtraction(docID: "bbb", records: 2), path: "/p/b.txt", extractionKey: "k1", pipeline: "t")
        try b.recordFailure(path: "/p/broken.pdf", docID: nil, stage: "text", reason: "damaged or truncated PDF")

        let first = try merged.merge(from: a.folder)
        #expect(first == CorpusStore.MergeSummary(added: 1, replaced: 0, unchanged: 0, failures: 0))
        _ = try merged.merge(from: b.folder)
        let again = try merged.merge(from: b.folder)
        #expect(again.added == 0 && again.replaced == 0 && again.unchanged == 1)

        let counts = try merged.rowCounts()
        #expect(counts["documents"] == 2)
        #expect(counts["records"] == 5)
        #expect(try merged.failedPaths() == ["/p/broken.pdf"])
        let indicators = try merged.database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, record_count FROM indicators ORDER BY id").map { "\($0["id"] as String)=\($0["record_count"] as Int)" }
        }
        // NI001 and NI002 are in both papers, NI003 only in the first.
        #expect(indicators == ["code:NI001=2", "code:NI002=2", "code:NI003=1"])
    }

    @Test func aShardWithNewerRowsReplacesTheDocument() throws {
        let a = try temporaryCorpus(), merged = try temporaryCorpus()
        try merged.replace(sampleExtraction(docID: "aaa", records: 3), path: "/p/a.txt", extractionKey: "old", pipeline: "t")
        try a.replace(sampleExtraction(docID: "aaa", records: 1, actual: 42), path: "/p/a.txt", extractionKey: "new", pipeline: "t")
        let s = try merged.merge(from: a.folder)
        #expect(s.replaced == 1)
        let actuals = try merged.database.read { try Double.fetchAll($0, sql: "SELECT actual FROM records") }
        #expect(actuals == [42])
        #expect(try merged.extractionKey(docID: "aaa") == "new")
    }
}
