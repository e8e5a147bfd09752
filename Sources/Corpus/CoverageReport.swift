import Foundation
import GRDB
import ScrutinyCore

/// The papers of a corpus by how much of what they print ended up in rows, worst first:
/// papers with figures and no rows at all, then by the share of figures used.
public enum CoverageReport {
    /// The report as rows (source, pages, figures, used, share, records, finance, activities).
    public static func worstFirst(_ store: CorpusStore, limit: Int? = nil) throws -> QueryResult {
        let exists = try store.database.read { db in try db.tableExists("coverage") }
        guard exists else {
            throw UnreadableInput("the corpus at \(store.folder.path) has no coverage table yet: run `scrutiny run` on it with this version")
        }
        return try QueryResult.run("""
            SELECT d.source, c.pages, c.figures, c.used,
                   CASE WHEN c.figures = 0 THEN NULL ELSE ROUND(100.0 * c.used / c.figures, 1) END AS used_pct,
                   c.records, c.finance, c.activities
            FROM coverage c JOIN documents d USING (doc_id)
            ORDER BY (c.records + c.finance + c.activities = 0 AND c.figures >= ?) DESC,
                     CASE WHEN c.figures = 0 THEN 1.0 ELSE 1.0 * c.used / c.figures END ASC,
                     c.figures DESC, d.source
            \(limit.map { "LIMIT \($0)" } ?? "")
            """, arguments: [CoverageRow.unreadFigures], in: store)
    }
}
