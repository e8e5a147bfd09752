import Foundation
import GRDB

/// One printed observation of an indicator, with the document it came from.
public struct SeriesObservation: Hashable, Sendable {
    public var authority: String?
    public var periodEnd: String?
    public var financialYear: String?
    public var quarter: Int?
    public var actual: Double?
    public var target: Double?
    public var actualText: String?
    public var targetText: String?
    public var status: String?
    public var unit: String?
    public var polarity: String?
    public var docID: String
    public var source: String
    public var page: Int?
    /// The document's `as_at`, or else the latest `period_end` it reports: how recent the paper is.
    public var documentDate: String?
    /// 0-based line of the indicator in its page, to order rows within one document.
    public var line: Int?

    public init(authority: String?, periodEnd: String?, financialYear: String? = nil, quarter: Int? = nil,
                actual: Double?, target: Double?, actualText: String? = nil, targetText: String? = nil,
                status: String? = nil, unit: String? = nil, polarity: String? = nil,
                docID: String, source: String, page: Int?, documentDate: String?, line: Int? = nil) {
        self.authority = authority; self.periodEnd = periodEnd; self.financialYear = financialYear
        self.quarter = quarter; self.actual = actual; self.target = target; self.actualText = actualText
        self.targetText = targetText; self.status = status; self.unit = unit; self.polarity = polarity
        self.docID = docID; self.source = source; self.page = page; self.documentDate = documentDate; self.line = line
    }

    /// The period this figure measures: `period_end`, or the report's year and quarter when none is printed.
    public var periodKey: String {
        if let periodEnd { return periodEnd }
        return [financialYear, quarter.map { "Q\($0)" }].compactMap { $0 }.joined(separator: " ")
    }

    /// Whether the figure misses its target: the printed status, else actual against target
    /// by polarity; nil when that cannot be told (no actual, no target, or no polarity).
    public var belowTarget: Bool? {
        if let status, actual != nil || actualText != nil { return status == "below_target" }
        guard let actual, let target else { return nil }
        switch polarity {
        case "higher_is_better": return actual < target
        case "lower_is_better": return actual > target
        default: return nil
        }
    }

    /// `belowTarget == true`.
    public var isBelowTarget: Bool { belowTarget == true }
}

/// Where one figure of a series was printed.
public struct SeriesSource: Hashable, Sendable {
    public var docID: String
    public var source: String
    public var page: Int?

    /// `paper.pdf p.3`, or just the file name when the input had no pages.
    public var label: String { page.map { "\(source) p.\($0)" } ?? source }
}

/// One row of a series: an authority's figure for one period, from the latest paper that
/// reports it, with every paper that reports it.
public struct SeriesPoint: Hashable, Sendable {
    /// The observation that wins: from the latest paper.
    public var observation: SeriesObservation
    /// Every paper reporting this authority and period, the winner first.
    public var sources: [SeriesSource]
}

/// Builds an indicator's time series from its observations across papers.
public enum SeriesBuilder {
    /// One point per authority × period. When several papers report the same period, the
    /// latest paper wins: the greatest document date (`as_at`, else its latest period),
    /// then the greater source name, then doc id; within one paper, the row with an actual,
    /// then the first printed. Rows of a paper with no authority stay that paper's own.
    /// Sorted by authority (unknown last), then period.
    public static func deduplicate(_ observations: [SeriesObservation]) -> [SeriesPoint] {
        var groups: [String: [SeriesObservation]] = [:]
        var keys: [(authority: String, period: String)] = []
        for o in observations {
            // A paper without an authority is never merged with another paper's rows.
            let key = (o.authority ?? "\u{10FFFF}" + o.docID, o.periodKey)
            let k = key.0 + "\u{1F}" + key.1
            if groups[k] == nil { keys.append(key) }
            groups[k, default: []].append(o)
        }
        keys.sort { ($0.authority, $0.period) < ($1.authority, $1.period) }
        return keys.map { key in
            let group = groups[key.authority + "\u{1F}" + key.period]!.sorted(by: precedes)
            var sources: [SeriesSource] = []
            for o in group {
                let s = SeriesSource(docID: o.docID, source: o.source, page: o.page)
                if !sources.contains(s) { sources.append(s) }
            }
            return SeriesPoint(observation: group[0], sources: sources)
        }
    }

    /// Whether `a` wins over `b` for the same authority and period.
    static func precedes(_ a: SeriesObservation, _ b: SeriesObservation) -> Bool {
        let da = a.documentDate ?? "", db = b.documentDate ?? ""
        if da != db { return da > db }
        if a.source != b.source { return a.source > b.source }
        if a.docID != b.docID { return a.docID > b.docID }
        if (a.actual != nil) != (b.actual != nil) { return a.actual != nil }
        return (a.page ?? 0, a.line ?? 0) < (b.page ?? 0, b.line ?? 0)
    }
}

/// A catalogue entry.
public struct IndicatorInfo: Hashable, Sendable {
    public var id: String
    public var code: String?
    public var title: String
    public var polarity: String?
    public var unit: String?
    public var firstPeriod: String?
    public var lastPeriod: String?
    public var documentCount: Int
    public var recordCount: Int
    public var authorityCount: Int

    init(row: Row) {
        id = row["id"]; code = row["code"]; title = row["title"]; polarity = row["polarity"]; unit = row["unit"]
        firstPeriod = row["first_period"]; lastPeriod = row["last_period"]
        documentCount = row["document_count"]; recordCount = row["record_count"]; authorityCount = row["authority_count"]
    }
}

/// Reading indicators and their series from a corpus database (read-only, bound parameters only).
public enum IndicatorQueries {
    /// Every catalogue entry, national codes first, then by title.
    public static func all(_ db: Database) throws -> [IndicatorInfo] {
        try Row.fetchAll(db, sql: "SELECT * FROM indicators ORDER BY code IS NULL, code, title, id").map(IndicatorInfo.init)
    }

    /// The entry with this id.
    public static func info(_ db: Database, id: String) throws -> IndicatorInfo? {
        try Row.fetchOne(db, sql: "SELECT * FROM indicators WHERE id = ?", arguments: [id]).map(IndicatorInfo.init)
    }

    /// Finds an indicator from what a researcher types: a catalogue id, a national code in
    /// any spelling (`NI 60`), a printed local code, an exact title, or words of its title.
    public static func resolve(_ db: Database, _ query: String) throws -> IndicatorInfo? {
        let q = query.trimmingWhitespaceAndNewlines()
        guard !q.isEmpty else { return nil }
        if let hit = try info(db, id: q) { return hit }
        if let national = IndicatorID.nationalCode(q), let hit = try info(db, id: "code:" + national) { return hit }
        if let hit = try info(db, id: "title:" + IndicatorID.normalisedTitle(q)) { return hit }
        if let id = try String.fetchOne(db, sql: """
            SELECT indicator_id FROM records WHERE upper(replace(code, ' ', '')) = upper(replace(?, ' ', ''))
            GROUP BY indicator_id ORDER BY COUNT(*) DESC, indicator_id LIMIT 1
            """, arguments: [q]), let hit = try info(db, id: id) { return hit }
        guard let match = FullTextSearch.matchExpression(q) else { return nil }
        let id = try String.fetchOne(db, sql: """
            SELECT indicator_id FROM search_index WHERE search_index MATCH ? AND kind = 'indicator'
            ORDER BY bm25(search_index, 0, 0, 0, 0, 10.0, 1.0), indicator_id LIMIT 1
            """, arguments: [match])
        return try id.flatMap { try info(db, id: $0) }
    }

    /// Every observation of an indicator, optionally for one authority (case-insensitive).
    public static func observations(_ db: Database, indicatorID: String, authority: String? = nil) throws -> [SeriesObservation] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT coalesce(r.authority, d.authority) AS authority, r.period_end, r.financial_year, r.quarter,
                   r.actual, r.target, r.actual_text, r.target_text, r.status, r.unit, r.polarity,
                   r.doc_id, d.source, r.page, r.line,
                   coalesce(d.as_at, (SELECT MAX(period_end) FROM records x WHERE x.doc_id = r.doc_id)) AS document_date
            FROM records r JOIN documents d ON d.doc_id = r.doc_id
            WHERE r.indicator_id = ? AND (? IS NULL OR coalesce(r.authority, d.authority) = ? COLLATE NOCASE)
            ORDER BY r.id
            """, arguments: [indicatorID, authority, authority])
        return rows.map { row in
            SeriesObservation(authority: row["authority"], periodEnd: row["period_end"], financialYear: row["financial_year"],
                              quarter: row["quarter"], actual: row["actual"], target: row["target"],
                              actualText: row["actual_text"], targetText: row["target_text"], status: row["status"],
                              unit: row["unit"], polarity: row["polarity"], docID: row["doc_id"], source: row["source"],
                              page: row["page"], documentDate: row["document_date"], line: row["line"])
        }
    }

    /// The deduplicated series of an indicator.
    public static func series(_ db: Database, indicatorID: String, authority: String? = nil) throws -> [SeriesPoint] {
        SeriesBuilder.deduplicate(try observations(db, indicatorID: indicatorID, authority: authority))
    }

    /// A series as printable rows (`scrutiny series`).
    public static func table(_ points: [SeriesPoint]) -> QueryResult {
        let columns = ["authority", "period", "actual", "target", "status", "below_target", "unit",
                       "document", "page", "doc_id", "sources"]
        let rows: [[DatabaseValue]] = points.map { p in
            let o = p.observation
            let values: [DatabaseValueConvertible?] = [
                o.authority, o.periodKey, figure(o.actual, o.actualText), figure(o.target, o.targetText), o.status,
                o.belowTarget.map { $0 ? "yes" : "no" }, o.unit,
                o.source, o.page, o.docID, p.sources.map(\.label).joined(separator: "; "),
            ]
            return values.map { $0?.databaseValue ?? .null }
        }
        return QueryResult(columns: columns, rows: rows)
    }

    /// The number, or the cell as printed when it has none.
    static func figure(_ number: Double?, _ text: String?) -> DatabaseValueConvertible? {
        if let number { return number }
        return text
    }
}
