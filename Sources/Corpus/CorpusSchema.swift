import GRDB

/// The corpus tables, mirroring `CORPUS.md`, plus the pipeline's own bookkeeping
/// (`sources`, `failures`). Columns holding objects or lists store JSON text.
public enum CorpusSchema {
    /// Columns stored as JSON text, per table; decoded back into JSON on export.
    public static let jsonColumns: [String: Set<String>] = [
        "records": ["comparators", "comparators_text"],
        "finance": ["values"],
        "tables": ["pages", "header", "rows"],
    ]

    /// The contract's tables, in export order.
    public static let exportedTables = ["documents", "records", "finance", "activities", "tables", "entities"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, authority TEXT, title TEXT,
                    financial_year TEXT, quarter INTEGER, as_at TEXT, pages INTEGER, method TEXT NOT NULL);
                CREATE TABLE records (
                    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
                    page INTEGER, authority TEXT, financial_year TEXT, quarter INTEGER, period_end TEXT,
                    section TEXT, code TEXT, title TEXT NOT NULL, unit TEXT, polarity TEXT,
                    actual REAL, target REAL, previous REAL, actual_text TEXT, target_text TEXT, previous_text TEXT,
                    comparators TEXT, comparators_text TEXT, floor REAL, floor_text TEXT, trend TEXT, trend_text TEXT,
                    status TEXT, status_text TEXT, owner TEXT, commentary TEXT,
                    confidence REAL, line INTEGER, indicator_id TEXT);
                CREATE INDEX records_doc ON records(doc_id);
                CREATE INDEX records_code ON records(code);
                CREATE TABLE finance (
                    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
                    page INTEGER, statement TEXT NOT NULL, line TEXT NOT NULL, "values" TEXT NOT NULL, note TEXT);
                CREATE TABLE activities (
                    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
                    page INTEGER, section TEXT, ref TEXT, title TEXT NOT NULL, status TEXT, status_text TEXT,
                    progress TEXT, lead TEXT);
                CREATE TABLE tables (
                    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
                    pages TEXT, caption TEXT, header TEXT NOT NULL, rows TEXT NOT NULL);
                CREATE TABLE entities (
                    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
                    page INTEGER, kind TEXT NOT NULL, text TEXT NOT NULL, value);
                CREATE TABLE page_texts (
                    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
                    page INTEGER, text TEXT NOT NULL);
                CREATE TABLE sources (
                    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
                    path TEXT NOT NULL, extraction_key TEXT NOT NULL, pipeline TEXT, ingested_at TEXT NOT NULL);
                CREATE TABLE failures (
                    path TEXT PRIMARY KEY, doc_id TEXT, stage TEXT NOT NULL, reason TEXT NOT NULL, failed_at TEXT NOT NULL);
                """)
        }
        // Later migrations only add; v1 above is never edited.
        IndicatorCatalogue.registerMigrations(&m)
        m.registerMigration("v3-coverage") { db in
            // Per paper: figures printed and how many ended up in rows (see CoverageRow).
            try db.execute(sql: """
                CREATE TABLE coverage (
                    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
                    pages INTEGER, figures INTEGER NOT NULL, used INTEGER NOT NULL,
                    records INTEGER NOT NULL, finance INTEGER NOT NULL, activities INTEGER NOT NULL);
                """)
        }
        IndicatorCatalogue.registerPendingMigration(&m)
        return m
    }
}
