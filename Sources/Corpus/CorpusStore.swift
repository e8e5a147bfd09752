import Foundation
import GRDB
import ScrutinyCore

/// The corpus folder: `corpus.sqlite` plus the JSON Lines exports beside it.
///
/// Every document's rows are written in one transaction that first deletes that
/// document's old rows, so a rerun after an extractor change replaces them and a
/// killed run leaves either the old rows or the new ones, never a mix.
public final class CorpusStore: Sendable {
    public let folder: URL
    public let database: DatabaseQueue

    /// Opens (creating if needed) the corpus in `folder`; `readOnly` for queries.
    public init(folder: URL, readOnly: Bool = false) throws {
        self.folder = folder
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        // With the WAL journal, NORMAL commits without flushing the log to disk: a killed
        // process loses nothing committed, a power cut may lose the last documents' commits
        // (never consistency; a rerun writes them again). FULL flushed once per document,
        // which cost more than extracting a short paper.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let path = folder.appendingPathComponent("corpus.sqlite").path
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw UnreadableInput("no corpus at \(folder.path) (corpus.sqlite is missing)")
            }
        } else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        database = try DatabaseQueue(path: path, configuration: config)
        if !readOnly {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode=WAL") }
            try CorpusSchema.migrator.migrate(database)
            // a run killed before its end left catalogue rows pending
            try refreshPendingCatalogue()
        }
    }

    /// The extraction key stored for a document, if it is in the corpus.
    ///
    /// Not through `read`: a queue's `read` sets `PRAGMA query_only` for its block, and a
    /// flag pragma expires every prepared statement, so each document's next write
    /// compiled all its cached statements again (a tenth of writing a document).
    public func extractionKey(docID: String) throws -> String? {
        try database.unsafeRead { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT extraction_key FROM sources WHERE doc_id = ?"), arguments: [docID])
        }
    }

    /// Writes one document's rows, replacing any it had, in one transaction.
    /// Returns false (and writes nothing) when the stored rows came from the same key, unless `force`.
    /// With `deferringCatalogue` (a batch) the catalogue rows of the indicators the document
    /// touches are listed as pending instead of refreshed; `refreshPendingCatalogue` refreshes them.
    @discardableResult
    public func replace(_ extraction: Extraction, path: String, extractionKey: String, pipeline: String?,
                        force: Bool = false, deferringCatalogue: Bool = false) throws -> Bool {
        let encoded = try EncodedExtraction(extraction)
        return try database.write { db in
            let docID = encoded.docID
            // every statement here is a cached one: compiling the cascading delete alone
            // (with GRDB's authorizer) cost more than inserting a paper's records
            if let old = try String.fetchOne(db.cachedStatement(sql: "SELECT extraction_key FROM sources WHERE doc_id = ?"),
                                             arguments: [docID]),
               old == extractionKey, !force {
                return false
            }
            // Indicators the old rows belonged to: their catalogue rows change too.
            var touched = Set(try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT indicator_id FROM records WHERE doc_id = ? AND indicator_id IS NOT NULL
                """), arguments: [docID]))
            try db.cachedStatement(sql: "DELETE FROM documents WHERE doc_id = ?").execute(arguments: [docID])
            for rows in encoded.tables { try rows.insert(db) }
            touched.formUnion(encoded.indicatorIDs)
            if deferringCatalogue {
                try IndicatorCatalogue.markPending(db, indicatorIDs: touched)
            } else {
                try IndicatorCatalogue.refresh(db, indicatorIDs: touched)
            }
            try IndicatorCatalogue.indexDocument(db, docID: docID)
            try db.cachedStatement(sql: """
                INSERT INTO sources (doc_id, path, extraction_key, pipeline, ingested_at) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [docID, path, extractionKey, pipeline, CorpusStore.timestamp(Date())])
            try db.cachedStatement(sql: "DELETE FROM failures WHERE path = ? OR doc_id = ?").execute(arguments: [path, docID])
            return true
        }
    }

    /// Records that a document failed (replacing an earlier failure of the same path).
    public func recordFailure(path: String, docID: String?, stage: String, reason: String) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO failures (path, doc_id, stage, reason, failed_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [path, docID, stage, reason, CorpusStore.timestamp(Date())])
        }
    }

    /// Paths of documents that failed in earlier runs.
    public func failedPaths() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT path FROM failures ORDER BY path") }
    }

    /// Source paths of every document in the corpus.
    public func sourcePaths() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT path FROM sources ORDER BY path") }
    }

    /// Row counts of the contract's tables.
    public func rowCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for t in CorpusSchema.exportedTables {
                counts[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(t)\"") ?? 0
            }
            return counts
        }
    }

    /// A moment as the corpus stores it (`2024-06-30T09:15:02Z`, UTC, whole seconds): what
    /// `ISO8601DateFormatter` writes, without making a formatter per document.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var utc = tm()
        gmtime_r(&seconds, &utc)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(utc.tm_year) + 1900, Int(utc.tm_mon) + 1,
                      Int(utc.tm_mday), Int(utc.tm_hour), Int(utc.tm_min), Int(utc.tm_sec))
    }
}
