import Foundation
import Testing
import GRDB
import ScrutinyCore
@testable import Corpus

/// A fresh corpus folder under the temporary directory.
func temporaryCorpus() throws -> CorpusStore {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-corpus-\(UUID().uuidString)")
    return try CorpusStore(folder: url)
}

/// A small extraction of one document with `records` indicator rows.
func sampleExtraction(docID: String, records: Int, actual: Double = 10) -> Extraction {
    var rows: [RecordRow] = []
    for i in 0..<records {
        var r = RecordRow(docID: docID, title: "Indicator \(i)")
        r.code = String(format: "NI%03d", i + 1)
        r.actual = actual + Double(i)
        r.page = 1
        rows.append(r)
    }
    return Extraction(document: DocumentRow(docID: docID, source: "\(docID).txt", authority: "Somewhere", method: "text"),
                      records: rows, pageTexts: [PageTextRow(docID: docID, page: 1, text: "body")])
}

@Suite struct CorpusStoreTests {
    @Test func writingTheSameKeyTwiceAddsNothing() throws {
        let store = try temporaryCorpus()
        let e = sampleExtraction(docID: "aaa", records: 3)
        #expect(try store.replace(e, path: "/p/a.txt", extractionKey: "k1", pipeline: "t"))
        let before = try store.rowCounts()
        #expect(try store.replace(e, path: "/p/a.txt", extractionKey: "k1", pipeline: "t") == false)
        #expect(try store.rowCounts() == before)
        #expect(before["records"] == 3)
        #expect(before["documents"] == 1)
    }

    @Test func aNewKeyReplacesTheDocumentsRowsInsteadOfAddingToThem() throws {
        let store = try temporaryCorpus()
        try store.replace(sampleExtraction(docID: "aaa", records: 3), path: "/p/a.txt", extractionKey: "k1", pipeline: "t")
        try store.replace(sampleExtraction(docID: "bbb", records: 2), path: "/p/b.txt", extractionKey: "k1", pipeline: "t")
        try store.replace(sampleExtraction(docID: "aaa", records: 1, actual: 99), path: "/p/a.txt", extractionKey: "k2", pipeline: "t")
        let counts = try store.rowCounts()
        #expect(counts["records"] == 3)
        #expect(counts["documents"] == 2)
        let actuals = try store.database.read { db in
            try Double.fetchAll(db, sql: "SELECT actual FROM records WHERE doc_id = 'aaa'")
        }
        #expect(actuals == [99])
        #expect(try store.extractionKey(docID: "aaa") == "k2")
    }

    @Test func aFailureIsRecordedOnceAndClearedBySuccess() throws {
        let store = try temporaryCorpus()
        try store.recordFailure(path: "/p/a.txt", docID: nil, stage: "ingest", reason: "empty file")
        try store.recordFailure(path: "/p/a.txt", docID: nil, stage: "ingest", reason: "empty file")
        #expect(try store.failedPaths() == ["/p/a.txt"])
        try store.replace(sampleExtraction(docID: "aaa", records: 1), path: "/p/a.txt", extractionKey: "k", pipeline: "t")
        #expect(try store.failedPaths().isEmpty)
    }

    @Test func queriesAreReadOnly() throws {
        let store = try temporaryCorpus()
        try store.replace(sampleExtraction(docID: "aaa", records: 2), path: "/p/a.txt", extractionKey: "k", pipeline: "t")
        let reader = try CorpusStore(folder: store.folder, readOnly: true)
        let result = try QueryResult.run("SELECT code, actual FROM records ORDER BY code", in: reader)
        #expect(result.rows.count == 2)
        #expect(result.render(.csv).hasPrefix("code,actual\n"))
        #expect(throws: (any Error).self) { try QueryResult.run("DELETE FROM records", in: reader) }
        #expect(try store.rowCounts()["records"] == 2)
    }

    /// Stored times read as `ISO8601DateFormatter` writes them, across years, days and seconds.
    @Test func timestampsAreWhatTheISOFormatterWrites() {
        let formatter = ISO8601DateFormatter()
        for t in [0.0, 951_782_400, 1_719_739_502.9, 1_735_689_599, 4_102_444_800, 1_709_164_800.5] {
            let date = Date(timeIntervalSince1970: t)
            #expect(CorpusStore.timestamp(date) == formatter.string(from: date), "\(t)")
        }
    }

    @Test func exportsWriteOneJSONObjectPerRowWithNullsSpelledOut() throws {
        let store = try temporaryCorpus()
        try store.replace(sampleExtraction(docID: "aaa", records: 2), path: "/p/a.txt", extractionKey: "k", pipeline: "t")
        _ = try CorpusExporter(store: store).export()
        let text = try String(contentsOf: store.folder.appendingPathComponent("records.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["code"] as? String == "NI001")
        #expect(first?["target"] is NSNull)
        #expect(first?.keys.contains("comparators") == true)
    }
}
