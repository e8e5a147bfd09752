import Foundation
import GRDB
import ScrutinyCore

/// Merging shard corpora (`scrutiny run --shard I/N` on several machines) into one.
extension CorpusStore {
    /// What a merge did.
    public struct MergeSummary: Sendable, Equatable {
        /// Documents copied in for the first time.
        public var added = 0
        /// Documents whose rows were replaced (the shard had a different extraction key).
        public var replaced = 0
        /// Documents already present with the same extraction key.
        public var unchanged = 0
        /// Failures copied in (for paths no merged document came from).
        public var failures = 0
    }

    /// Tables holding one document's rows, copied per document (parents first).
    static let perDocumentTables = ["documents", "records", "finance", "activities", "tables", "entities",
                                    "page_texts", "coverage", "sources"]

    /// Copies every document of the corpus in `other` into this one, in one transaction:
    /// documents not here are added, documents here with another extraction key are
    /// replaced, the rest left alone — merging the same shard twice adds nothing.
    public func merge(from other: URL) throws -> MergeSummary {
        let path = other.appendingPathComponent("corpus.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw UnreadableInput("no corpus at \(other.path) (corpus.sqlite is missing)")
        }
        return try database.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [path])
            defer { try? db.execute(sql: "DETACH DATABASE shard") }
            var summary = MergeSummary()
            try db.inTransaction {
                let theirs = try Row.fetchAll(db, sql: "SELECT doc_id, extraction_key FROM shard.sources")
                var take: [String] = []
                for row in theirs {
                    let docID: String = row["doc_id"], key: String = row["extraction_key"]
                    let ours = try String.fetchOne(db, sql: "SELECT extraction_key FROM main.sources WHERE doc_id = ?",
                                                   arguments: [docID])
                    switch ours {
                    case nil: summary.added += 1; take.append(docID)
                    case key?: summary.unchanged += 1
                    default: summary.replaced += 1; take.append(docID)
                    }
                }
                var touched = Set<String>()
                for docID in take {
                    touched.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT indicator_id FROM main.records WHERE doc_id = ? AND indicator_id IS NOT NULL", arguments: [docID]))
                    try db.execute(sql: "DELETE FROM main.documents WHERE doc_id = ?", arguments: [docID])
                    for table in Self.perDocumentTables {
                        let columns = try Self.sharedColumns(table, db: db)
                        guard !columns.isEmpty else { continue }  // a shard from before the table was added
                        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                        try db.execute(sql: "INSERT INTO main.\"\(table)\" (\(list)) SELECT \(list) FROM shard.\"\(table)\" WHERE doc_id = ?",
                                       arguments: [docID])
                    }
                    try db.execute(sql: "DELETE FROM main.failures WHERE doc_id = ?", arguments: [docID])
                }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO main.failures SELECT * FROM shard.failures f
                    WHERE NOT EXISTS (SELECT 1 FROM main.sources s WHERE s.path = f.path OR s.doc_id = f.doc_id)
                    """)
                summary.failures = db.changesCount
                try afterDocumentsChanged(db, docIDs: take, indicatorIDs: touched)
                return .commit
            }
            return summary
        }
    }

    /// Columns present in both copies of a table, without the row id (renumbered on insert).
    static func sharedColumns(_ table: String, db: Database) throws -> [String] {
        let mine = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\"\(table)\")").map { $0["name"] as String }
        let theirs = Set(try Row.fetchAll(db, sql: "PRAGMA shard.table_info(\"\(table)\")").map { $0["name"] as String })
        return mine.filter { $0 != "id" && theirs.contains($0) }
    }

    /// Brings what is derived from the per-document rows (indicator catalogue, search index)
    /// up to date after documents were copied in by a merge.
    func afterDocumentsChanged(_ db: Database, docIDs: [String], indicatorIDs: Set<String>) throws {
        var ids = indicatorIDs
        for docID in docIDs {
            // Records copied from an older shard may lack their link to the catalogue.
            ids.formUnion(try IndicatorCatalogue.linkRecords(db, docID: docID))
            try IndicatorCatalogue.indexDocument(db, docID: docID)
        }
        try IndicatorCatalogue.refresh(db, indicatorIDs: ids)
    }
}
