import Foundation
import GRDB
import Corpus

/// The site's pages, each a function of the corpus database and the request's parameters.
/// Every query binds its parameters; every value is escaped; nil means "not found".
public enum CorpusPages {
    /// `/`: documents, indicators and the search box.
    public static func index(_ db: Database) throws -> String {
        let docs = try Row.fetchAll(db, sql: """
            SELECT d.doc_id, d.source, d.authority, d.title, d.financial_year, d.quarter, d.as_at, d.method,
                   (SELECT COUNT(*) FROM records r WHERE r.doc_id = d.doc_id) AS records
            FROM documents d ORDER BY d.authority, d.as_at, d.source
            """)
        let indicators = try IndicatorQueries.all(db)
        var body = "<h1>Council performance papers</h1>\n"
        body += "<p class=\"muted\">\(docs.count) documents · \(indicators.count) indicators</p>\n"
        body += HTML.searchForm()
        body += "<h2>Documents</h2>\n"
        body += HTML.table(header: ["Paper", "Authority", "Title", "Year", "Q", "As at", "Records"], rows: docs.map { d in
            [link(HTML.documentHref(d["doc_id"] as String), (d["source"] as String?) ?? ""), esc(d["authority"]), esc(d["title"]),
             esc(d["financial_year"]), num(d["quarter"] as Int?), esc(d["as_at"]), num(d["records"] as Int?)]
        }, numericColumns: [4, 6])
        body += "<h2>Indicators</h2>\n"
        body += HTML.table(header: ["Indicator", "Code", "Unit", "Polarity", "From", "To", "Councils", "Papers"],
                           rows: indicators.map { i in
            [link(HTML.indicatorHref(i.id), i.title), esc(i.code), esc(i.unit), polarityLabel(i.polarity),
             esc(i.firstPeriod), esc(i.lastPeriod), num(i.authorityCount), num(i.documentCount)]
        }, numericColumns: [6, 7])
        return HTML.page(title: "Corpus", body: body)
    }

    /// `/document/ID`: metadata, records and tables of one document.
    public static func document(_ db: Database, docID: String) throws -> String? {
        guard let d = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE doc_id = ?", arguments: [docID]) else { return nil }
        let title: String = d["title"] ?? d["source"]
        var body = "<h1>\(HTML.escape(title))</h1>\n<dl class=\"meta\">"
        for (label, column) in [("Paper", "source"), ("Authority", "authority"), ("Financial year", "financial_year"),
                                ("Quarter", "quarter"), ("As at", "as_at"), ("Pages", "pages"), ("Method", "method"),
                                ("Document id", "doc_id")] {
            let value: DatabaseValue = d[column]
            body += "<dt>\(label)</dt><dd>\(Self.value(value))</dd>"
        }
        body += "</dl>\n"
        let records = try Row.fetchAll(db, sql: """
            SELECT page, code, title, indicator_id, period_end, actual, actual_text, target, target_text, unit, status
            FROM records WHERE doc_id = ? ORDER BY page, line, id
            """, arguments: [docID])
        body += "<h2>Records (\(records.count))</h2>\n"
        body += HTML.table(header: ["Page", "Code", "Indicator", "Period", "Actual", "Target", "Unit", "Status"],
                           rows: records.map { r in
            [num(r["page"] as Int?), esc(r["code"]), link(HTML.indicatorHref((r["indicator_id"] as String?) ?? ""), (r["title"] as String?) ?? ""),
             esc(r["period_end"]), figure(r["actual"], r["actual_text"]), figure(r["target"], r["target_text"]),
             esc(r["unit"]), statusBadge(r["status"])]
        }, numericColumns: [0, 4, 5], rowClasses: records.map { ($0["status"] as String?) == "below_target" ? "below" : nil })
        let tables = try Row.fetchAll(db, sql: "SELECT pages, caption, header, rows FROM tables WHERE doc_id = ? ORDER BY id",
                                      arguments: [docID])
        body += "<h2>Tables (\(tables.count))</h2>\n"
        for (n, t) in tables.enumerated() {
            let header = decode([String].self, t["header"]) ?? []
            let rows = decode([[String]].self, t["rows"]) ?? []
            let caption: String = t["caption"] ?? "Table \(n + 1)"
            body += "<h3 class=\"small\">\(HTML.escape(caption))</h3>\n"
            body += HTML.table(header: header, rows: rows.map { $0.map(HTML.escape) })
        }
        return HTML.page(title: title, body: body)
    }

    /// `/indicator?id=ID`: the series table and chart of one indicator.
    public static func indicator(_ db: Database, id: String) throws -> String? {
        guard let info = try IndicatorQueries.info(db, id: id) else { return nil }
        let points = try IndicatorQueries.series(db, indicatorID: id)
        var body = "<h1>\(HTML.escape(info.title))</h1>\n<dl class=\"meta\">"
        body += "<dt>Code</dt><dd>\(esc(info.code))</dd><dt>Catalogue id</dt><dd><code>\(HTML.escape(info.id))</code></dd>"
        body += "<dt>Polarity</dt><dd>\(polarityLabel(info.polarity))</dd><dt>Unit</dt><dd>\(esc(info.unit))</dd>"
        body += "<dt>Reported</dt><dd>\(info.recordCount) figures in \(info.documentCount) papers from \(info.authorityCount) council\(info.authorityCount == 1 ? "" : "s")\(info.authorityCount == 0 ? " (not recognised)" : "")</dd></dl>\n"
        let chart = SeriesChart(title: info.title, unit: info.unit, polarity: info.polarity, points: points)
        body += "<div class=\"chart\">\(chart.svg())</div>\n"
        body += "<h2>Series</h2>\n<p class=\"muted small\">One row per council and period. Where several papers report the same period, the latest paper's figure is shown and every paper is listed.</p>\n"
        body += HTML.table(header: ["Council", "Period", "Actual", "Target", "Status", "From", "Also in"], rows: points.map { p in
            let o = p.observation
            let sources = p.sources.dropFirst().map { link(HTML.documentHref($0.docID, page: $0.page), $0.label) }
            return [esc(o.authority), esc(o.periodKey), figure(o.actual, o.actualText), figure(o.target, o.targetText),
                    statusBadge(o.status ?? (o.actual != nil && o.isBelowTarget ? "below_target" : nil)),
                    link(HTML.documentHref(o.docID, page: o.page), p.sources[0].label), sources.joined(separator: "<br>")]
        }, numericColumns: [2, 3], rowClasses: points.map { $0.observation.actual != nil && $0.observation.isBelowTarget ? "below" : nil })
        return HTML.page(title: info.title, body: body)
    }

    /// `/search?q=words`: ranked hits with snippets.
    public static func search(_ db: Database, query: String) throws -> String {
        let hits = try FullTextSearch.search(db, query, limit: 100)
        var body = "<h1>Search</h1>\n" + HTML.searchForm(query)
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            body += "<p class=\"muted\">Type words to search indicator titles, commentary and the papers' text.</p>"
            return HTML.page(title: "Search", body: body)
        }
        body += "<p class=\"muted\">\(hits.count) result\(hits.count == 1 ? "" : "s") for “\(HTML.escape(query))”</p>\n<ol class=\"hits\">\n"
        for h in hits {
            // Escape first, then turn the private-use marks into <mark>.
            let snippet = HTML.escape(h.snippet).replacingOccurrences(of: SearchHit.markStart, with: "<mark>")
                .replacingOccurrences(of: SearchHit.markEnd, with: "</mark>")
            let target: String
            if h.kind == "indicator", let id = h.indicatorID {
                target = link(HTML.indicatorHref(id), h.title)
            } else if let docID = h.docID {
                target = link(HTML.documentHref(docID, page: h.page), h.title)
            } else {
                target = HTML.escape(h.title)
            }
            var where_ = [h.kind]
            if let source = h.source { where_.append(source + (h.page.map { " p.\($0)" } ?? "")) }
            if let a = h.authority { where_.append(a) }
            if h.kind == "commentary", let id = h.indicatorID { where_.append("indicator: " + id) }
            body += "<li>\(target) <span class=\"muted small\">\(HTML.escape(where_.joined(separator: " · ")))</span><br><span class=\"small\">\(snippet)</span></li>\n"
        }
        body += "</ol>\n"
        return HTML.page(title: "Search: \(query)", body: body)
    }

    /// The 404 page.
    public static func notFound() -> String {
        HTML.page(title: "Not found", body: "<h1>Not found</h1><p>No such page in this corpus. <a href=\"/\">Back to the index</a>.</p>")
    }

    // MARK: cells

    static func esc(_ v: String?) -> String { v.map(HTML.escape) ?? "<span class=\"muted\">–</span>" }
    static func num(_ v: Int?) -> String { v.map { String($0) } ?? "<span class=\"muted\">–</span>" }
    static func value(_ v: DatabaseValue) -> String { v.isNull ? esc(nil as String?) : HTML.escape(QueryResult.text(v)) }

    static func link(_ href: String, _ text: String) -> String {
        "<a href=\"\(HTML.escape(href))\">\(HTML.escape(text.isEmpty ? "(untitled)" : text))</a>"
    }

    static func figure(_ number: Double?, _ text: String?) -> String {
        if let number { return HTML.escape(SeriesChart.format(number)) }
        return esc(text)
    }

    static func statusBadge(_ status: String?) -> String {
        guard let status else { return "" }
        return "<span class=\"badge \(HTML.escape(status))\">\(HTML.escape(status.replacingOccurrences(of: "_", with: " ")))</span>"
    }

    static func polarityLabel(_ p: String?) -> String {
        switch p {
        case "higher_is_better": return "▲ higher is better"
        case "lower_is_better": return "▼ lower is better"
        default: return esc(p)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: String?) -> T? {
        value.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
