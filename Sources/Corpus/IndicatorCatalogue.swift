import Foundation
import GRDB

/// The `indicators` table (one row per indicator across the corpus) and the FTS5
/// `search_index` over indicator titles, commentary and page text.
///
/// Both are derived from `records`, `documents` and `page_texts` only, so they can be
/// rebuilt at any time. `CorpusStore.replace` indexes a document's text in the same
/// transaction that writes its rows, and refreshes the catalogue rows of the indicators
/// it touches there too — or, for a batch, lists them in `catalogue_pending` in that
/// transaction and the batch refreshes each once at its end (`refreshPending`).
public enum IndicatorCatalogue {
    /// Migration `v2`: the catalogue, `records.indicator_id` filled, and the search index.
    static func registerMigrations(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-indicators-search") { db in
            try db.execute(sql: """
                CREATE TABLE indicators (
                    id TEXT PRIMARY KEY, code TEXT, title TEXT NOT NULL, polarity TEXT, unit TEXT,
                    first_period TEXT, last_period TEXT, document_count INTEGER NOT NULL,
                    record_count INTEGER NOT NULL, authority_count INTEGER NOT NULL);
                CREATE INDEX indicators_code ON indicators(code);
                CREATE INDEX records_indicator ON records(indicator_id);
                CREATE VIRTUAL TABLE search_index USING fts5(
                    kind UNINDEXED, indicator_id UNINDEXED, doc_id UNINDEXED, page UNINDEXED, title, body,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """)
            // filled by v4's rebuild, once the row map it keeps beside the index exists
        }
        m.registerMigration("v4-search-index-rows") { db in
            // Which rows of search_index belong to which indicator or document: FTS5 cannot
            // index its UNINDEXED columns, so finding a document's entries was a scan of the
            // whole index for every document written, slower the bigger the corpus.
            try db.execute(sql: """
                CREATE TABLE search_index_rows (
                    fts_rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, indicator_id TEXT, doc_id TEXT);
                CREATE INDEX search_index_rows_indicator ON search_index_rows(kind, indicator_id);
                CREATE INDEX search_index_rows_doc ON search_index_rows(doc_id);
                """)
            try rebuild(db)
        }
    }

    /// Migration `v5`: indicators whose catalogue rows await a refresh. A batch writing
    /// thousands of papers refreshed a common indicator after each paper, aggregating all
    /// its records each time (work that grew with the corpus); the pending list lets the
    /// batch refresh each indicator once, and survives a killed run.
    static func registerPendingMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v5-catalogue-pending") { db in
            try db.execute(sql: "CREATE TABLE catalogue_pending (indicator_id TEXT PRIMARY KEY) WITHOUT ROWID")
        }
    }

    /// Lists indicators whose catalogue rows must be refreshed (`refreshPending`).
    static func markPending(_ db: Database, indicatorIDs: Set<String>) throws {
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO catalogue_pending (indicator_id) VALUES (?)")
        for id in indicatorIDs { try insert.execute(arguments: [id]) }
    }

    /// Refreshes the catalogue rows of every pending indicator, then empties the list.
    public static func refreshPending(_ db: Database) throws {
        let ids = try String.fetchAll(db, sql: "SELECT indicator_id FROM catalogue_pending")
        guard !ids.isEmpty else { return }
        try refresh(db, indicatorIDs: Set(ids))
        try db.execute(sql: "DELETE FROM catalogue_pending")
    }

    /// Deletes the search entries that `search_index_rows` lists under a condition on its
    /// columns (`kind`, `indicator_id`, `doc_id`), one full-text row at a time by rowid.
    static func deleteEntries(_ db: Database, where condition: String, arguments: StatementArguments) throws {
        let rowids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT fts_rowid FROM search_index_rows WHERE \(condition)"),
                                        arguments: arguments)
        let delete = try db.cachedStatement(sql: "DELETE FROM search_index WHERE rowid = ?")
        for rowid in rowids { try delete.execute(arguments: [rowid]) }
        try db.cachedStatement(sql: "DELETE FROM search_index_rows WHERE \(condition)").execute(arguments: arguments)
    }

    /// Runs an `INSERT INTO search_index …` and lists the rows it added in `search_index_rows`
    /// (new rows take rowids above the largest one before the insert).
    static func insertEntries(_ db: Database, sql: String, arguments: StatementArguments) throws {
        let before = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1")) ?? 0
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        try db.cachedStatement(sql: """
            INSERT INTO search_index_rows (fts_rowid, kind, indicator_id, doc_id)
            SELECT rowid, kind, indicator_id, doc_id FROM search_index WHERE rowid > ?
            """).execute(arguments: [before])
    }

    /// Rebuilds the catalogue and the search index from scratch, deterministically.
    public static func rebuild(_ db: Database) throws {
        _ = try linkRecords(db, docID: nil)
        try db.execute(sql: "DELETE FROM indicators; DELETE FROM search_index; DELETE FROM search_index_rows;")
        let ids = try String.fetchAll(db, sql: "SELECT DISTINCT indicator_id FROM records WHERE indicator_id IS NOT NULL")
        try refresh(db, indicatorIDs: Set(ids))
        for docID in try String.fetchAll(db, sql: "SELECT doc_id FROM documents ORDER BY doc_id") {
            try indexDocument(db, docID: docID)
        }
    }

    /// Sets `indicator_id` on the records of one document (all records when nil) from
    /// their code and title; returns the ids linked.
    static func linkRecords(_ db: Database, docID: String?) throws -> Set<String> {
        var ids = Set<String>()
        let rows = try docID.map { try Row.fetchAll(db, sql: "SELECT id, code, title FROM records WHERE doc_id = ?", arguments: [$0]) }
            ?? Row.fetchAll(db, sql: "SELECT id, code, title FROM records")
        for row in rows {
            let id = IndicatorID.id(code: row["code"], title: row["title"] ?? "")
            try db.cachedStatement(sql: "UPDATE records SET indicator_id = ? WHERE id = ?").execute(arguments: [id, row["id"] as Int64])
            ids.insert(id)
        }
        return ids
    }

    /// Recomputes the catalogue rows (and their search entries) of these indicators from
    /// `records`; an indicator left without records is removed.
    public static func refresh(_ db: Database, indicatorIDs: Set<String>) throws {
        for id in indicatorIDs.sorted() {
            try db.cachedStatement(sql: "DELETE FROM indicators WHERE id = ?").execute(arguments: [id])
            try deleteEntries(db, where: "kind = 'indicator' AND indicator_id = ?", arguments: [id])
            // Most frequent value wins; ties go to the alphabetically first, so rebuilds agree.
            try db.cachedStatement(sql: """
                INSERT INTO indicators (id, code, title, polarity, unit, first_period, last_period,
                                        document_count, record_count, authority_count)
                SELECT :id, :code,
                    (SELECT title FROM records WHERE indicator_id = :id GROUP BY title ORDER BY COUNT(*) DESC, title LIMIT 1),
                    (SELECT polarity FROM records WHERE indicator_id = :id AND polarity IS NOT NULL
                        GROUP BY polarity ORDER BY COUNT(*) DESC, polarity LIMIT 1),
                    (SELECT unit FROM records WHERE indicator_id = :id AND unit IS NOT NULL
                        GROUP BY unit ORDER BY COUNT(*) DESC, unit LIMIT 1),
                    MIN(period_end), MAX(period_end), COUNT(DISTINCT doc_id), COUNT(*), COUNT(DISTINCT authority)
                FROM records WHERE indicator_id = :id GROUP BY indicator_id
                """).execute(arguments: ["id": id, "code": IndicatorID.code(ofID: id)])
            try insertEntries(db, sql: """
                INSERT INTO search_index (kind, indicator_id, doc_id, page, title, body)
                SELECT 'indicator', id, NULL, NULL, trim(coalesce(code, '') || ' ' || title),
                    (SELECT group_concat(title, ',') FROM
                        (SELECT DISTINCT title FROM records WHERE indicator_id = :id ORDER BY title))
                FROM indicators WHERE id = :id
                """, arguments: ["id": id])
        }
    }

    /// Replaces a document's search entries (commentary and page text) with its current rows.
    public static func indexDocument(_ db: Database, docID: String) throws {
        try deleteEntries(db, where: "doc_id = ?", arguments: [docID])
        try insertEntries(db, sql: """
            INSERT INTO search_index (kind, indicator_id, doc_id, page, title, body)
            SELECT 'commentary', indicator_id, doc_id, MIN(page), title, commentary FROM records
            WHERE doc_id = ? AND commentary IS NOT NULL AND commentary <> ''
            GROUP BY indicator_id, commentary ORDER BY MIN(id)
            """, arguments: [docID])
        try insertEntries(db, sql: """
            INSERT INTO search_index (kind, indicator_id, doc_id, page, title, body)
            SELECT 'page', NULL, p.doc_id, p.page, coalesce(d.title, d.source), p.text
            FROM page_texts p JOIN documents d ON d.doc_id = p.doc_id
            WHERE p.doc_id = ? ORDER BY p.id
            """, arguments: [docID])
    }

    /// Whether the corpus has the catalogue (written by a version of the pipeline that knows it).
    public static func isPresent(_ db: Database) throws -> Bool {
        try db.tableExists("indicators") && db.tableExists("search_index")
    }
}

extension CorpusStore {
    /// Refreshes the catalogue rows that documents written with `deferringCatalogue` left
    /// pending, in one transaction.
    public func refreshPendingCatalogue() throws {
        try database.write { db in try IndicatorCatalogue.refreshPending(db) }
    }

    /// Rebuilds the indicator catalogue and the search index from the stored rows.
    public func rebuildCatalogue() throws {
        try database.write { db in try IndicatorCatalogue.rebuild(db) }
    }

    /// Throws a readable error when the corpus predates the catalogue.
    public func requireCatalogue() throws {
        let present = try database.read { db in try IndicatorCatalogue.isPresent(db) }
        if !present {
            throw CatalogueMissing(folder: folder.path)
        }
    }
}

/// The corpus was written before the indicator catalogue existed.
public struct CatalogueMissing: Error, CustomStringConvertible {
    public let folder: String
    public var description: String {
        "the corpus at \(folder) has no indicator catalogue yet; open it once for writing " +
        "(any `scrutiny run --corpus \(folder) …`) and the migration builds it from the stored rows"
    }
}
