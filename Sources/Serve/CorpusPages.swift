import Foundation
import GRDB
import Corpus
import Plot

/// The site's pages, each a function of the corpus database and the request's parameters.
/// Every query binds its parameters; pages are Plot node trees whose corpus text is
/// escaped (`SitePage`); nil means "not found".
public enum CorpusPages {
    typealias BodyNode = Node<HTML.BodyContext>

    /// `/`: documents, indicators and the search box.
    public static func index(_ db: Database) throws -> String {
        let docs = try Row.fetchAll(db, sql: """
            SELECT d.doc_id, d.source, d.authority, d.title, d.financial_year, d.quarter, d.as_at, d.method,
                   (SELECT COUNT(*) FROM records r WHERE r.doc_id = d.doc_id) AS records
            FROM documents d ORDER BY d.authority, d.as_at, d.source
            """)
        let indicators = try IndicatorQueries.all(db)
        return SitePage.page(title: "Corpus", body:
            .h1(.text("Council performance papers")),
            .p(.class("muted"), .escaped("\(docs.count) documents · \(indicators.count) indicators")),
            SitePage.searchForm(),
            .h2(.text("Documents")),
            SitePage.table(header: ["Paper", "Authority", "Title", "Year", "Q", "As at", "Records"], rows: docs.map { d in
                [link(SitePage.documentHref(d["doc_id"] as String), (d["source"] as String?) ?? ""), esc(d["authority"]), esc(d["title"]),
                 esc(d["financial_year"]), num(d["quarter"] as Int?), esc(d["as_at"]), num(d["records"] as Int?)]
            }, numericColumns: [4, 6]),
            .h2(.text("Indicators")),
            SitePage.table(header: ["Indicator", "Code", "Unit", "Polarity", "From", "To", "Councils", "Papers"],
                           rows: indicators.map { i in
                [link(SitePage.indicatorHref(i.id), i.title), esc(i.code), esc(i.unit), polarityLabel(i.polarity),
                 esc(i.firstPeriod), esc(i.lastPeriod), num(i.authorityCount), num(i.documentCount)]
            }, numericColumns: [6, 7]))
    }

    /// `/document/ID`: metadata, records and tables of one document.
    public static func document(_ db: Database, docID: String) throws -> String? {
        guard let d = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE doc_id = ?", arguments: [docID]) else { return nil }
        let title: String = d["title"] ?? d["source"]
        let meta: [(String, String)] = [("Paper", "source"), ("Authority", "authority"), ("Financial year", "financial_year"),
                                        ("Quarter", "quarter"), ("As at", "as_at"), ("Pages", "pages"), ("Method", "method"),
                                        ("Document id", "doc_id")]
        let records = try Row.fetchAll(db, sql: """
            SELECT page, code, title, indicator_id, period_end, actual, actual_text, target, target_text, unit, status
            FROM records WHERE doc_id = ? ORDER BY page, line, id
            """, arguments: [docID])
        let tables = try Row.fetchAll(db, sql: "SELECT pages, caption, header, rows FROM tables WHERE doc_id = ? ORDER BY id",
                                      arguments: [docID])
        return SitePage.page(title: title, body:
            .h1(.escaped(title)),
            .dl(.class("meta"), .forEach(meta) { label, column in
                let value: DatabaseValue = d[column]
                return .group(.dt(.text(label)), .dd(Self.value(value)))
            }),
            .h2(.escaped("Records (\(records.count))")),
            SitePage.table(header: ["Page", "Code", "Indicator", "Period", "Actual", "Target", "Unit", "Status"],
                           rows: records.map { r in
                [num(r["page"] as Int?), esc(r["code"]), link(SitePage.indicatorHref((r["indicator_id"] as String?) ?? ""), (r["title"] as String?) ?? ""),
                 esc(r["period_end"]), figure(r["actual"], r["actual_text"]), figure(r["target"], r["target_text"]),
                 esc(r["unit"]), statusBadge(r["status"])]
            }, numericColumns: [0, 4, 5], rowClasses: records.map { ($0["status"] as String?) == "below_target" ? "below" : nil },
               rowIDs: pageAnchors(records.map { $0["page"] as Int? })),
            .h2(.escaped("Tables (\(tables.count))")),
            .forEach(Array(tables.enumerated())) { n, t in
                let header = decode([String].self, t["header"]) ?? []
                let rows = decode([[String]].self, t["rows"]) ?? []
                let caption: String = t["caption"] ?? "Table \(n + 1)"
                return .group(.h3(.class("small"), .escaped(caption)),
                              SitePage.table(header: header, rows: rows.map { $0.map { .escaped($0) } }))
            })
    }

    /// `/indicator?id=ID`: the series table and chart of one indicator.
    public static func indicator(_ db: Database, id: String) throws -> String? {
        guard let info = try IndicatorQueries.info(db, id: id) else { return nil }
        let points = try IndicatorQueries.series(db, indicatorID: id)
        let councils = "\(info.authorityCount) council\(info.authorityCount == 1 ? "" : "s")\(info.authorityCount == 0 ? " (not recognised)" : "")"
        let chart = SeriesChart(title: info.title, unit: info.unit, polarity: info.polarity, points: points)
        return SitePage.page(title: info.title, body:
            .h1(.escaped(info.title)),
            .dl(.class("meta"),
                .dt(.text("Code")), .dd(esc(info.code)),
                .dt(.text("Catalogue id")), .dd(.code(.escaped(info.id))),
                .dt(.text("Polarity")), .dd(polarityLabel(info.polarity)),
                .dt(.text("Unit")), .dd(esc(info.unit)),
                .dt(.text("Reported")), .dd(.escaped("\(info.recordCount) figures in \(info.documentCount) papers from \(councils)"))),
            // The chart is SVG that `SeriesChart` writes and escapes itself.
            .div(.class("chart"), .raw(chart.svg())),
            .h2(.text("Series")),
            .p(.class("muted small"), .text("One row per council and period. Where several papers report the same period, the latest paper's figure is shown and every paper is listed.")),
            SitePage.table(header: ["Council", "Period", "Actual", "Target", "Status", "From", "Also in"], rows: points.map { p in
                let o = p.observation
                let others = p.sources.dropFirst().map { link(SitePage.documentHref($0.docID, page: $0.page), $0.label) }
                let also: [BodyNode] = others.enumerated().flatMap { i, l in i == 0 ? [l] : [.br(), l] }
                return [esc(o.authority), esc(o.periodKey), figure(o.actual, o.actualText), figure(o.target, o.targetText),
                        statusBadge(o.status ?? (o.actual != nil && o.isBelowTarget ? "below_target" : nil)),
                        link(SitePage.documentHref(o.docID, page: o.page), p.sources[0].label), .group(also)]
            }, numericColumns: [2, 3], rowClasses: points.map { $0.observation.actual != nil && $0.observation.isBelowTarget ? "below" : nil }))
    }

    /// `/search?q=words`: ranked hits with snippets.
    public static func search(_ db: Database, query: String) throws -> String {
        let top: [BodyNode] = [.h1(.text("Search")), SitePage.searchForm(query)]
        if query.trimmingWhitespace().isEmpty {
            return SitePage.page(title: "Search", body: .group(top),
                                 .p(.class("muted"), .text("Type words to search indicator titles, commentary and the papers' text.")))
        }
        let hits = try FullTextSearch.search(db, query, limit: 100)
        return SitePage.page(title: "Search: \(query)", body: .group(top),
            .p(.class("muted"), .escaped("\(hits.count) result\(hits.count == 1 ? "" : "s") for “\(query)”")),
            .ol(.class("hits"), .forEach(hits) { h in
                let target: BodyNode
                if h.kind == "indicator", let id = h.indicatorID {
                    target = link(SitePage.indicatorHref(id), h.title)
                } else if let docID = h.docID {
                    target = link(SitePage.documentHref(docID, page: h.page), h.title)
                } else {
                    target = .escaped(h.title)
                }
                var where_ = [h.kind]
                if let source = h.source { where_.append(source + (h.page.map { " p.\($0)" } ?? "")) }
                if let a = h.authority { where_.append(a) }
                if h.kind == "commentary", let id = h.indicatorID { where_.append("indicator: " + id) }
                return .li(target, .text(" "), .span(.class("muted small"), .escaped(where_.joined(separator: " · "))), .br(),
                           .span(.class("small"), snippet(h.snippet)))
            }))
    }

    /// The 404 page.
    public static func notFound() -> String {
        SitePage.page(title: "Not found", body: .h1(.text("Not found")),
                      .p(.text("No such page in this corpus. "), .a(.href("/"), .text("Back to the index")), .text(".")))
    }

    /// Row ids for a list of records in page order: `page-N` on the first record of each page
    /// (the target of `/document/ID#page-N` links from search and indicator pages), nil elsewhere.
    static func pageAnchors(_ pages: [Int?]) -> [String?] {
        var seen = Set<Int>()
        return pages.map { page in
            guard let page, seen.insert(page).inserted else { return nil }
            return SitePage.pageAnchor(page)
        }
    }

    // MARK: cells

    /// An empty value: a muted dash.
    static var missing: BodyNode { .span(.class("muted"), .text("–")) }

    static func esc(_ v: String?) -> BodyNode { v.map { .escaped($0) } ?? missing }
    static func num(_ v: Int?) -> BodyNode { v.map { .text(String($0)) } ?? missing }
    static func value(_ v: DatabaseValue) -> BodyNode { v.isNull ? missing : .escaped(QueryResult.text(v)) }

    static func link(_ href: String, _ text: String) -> BodyNode {
        .a(.escapedAttribute("href", href), .escaped(text.isEmpty ? "(untitled)" : text))
    }

    static func figure(_ number: Double?, _ text: String?) -> BodyNode {
        if let number { return .escaped(SeriesChart.format(number)) }
        return esc(text)
    }

    static func statusBadge(_ status: String?) -> BodyNode {
        guard let status else { return .empty }
        return .span(.escapedAttribute("class", "badge " + status), .escaped(status.replacingOccurrences(of: "_", with: " ")))
    }

    static func polarityLabel(_ p: String?) -> BodyNode {
        switch p {
        case "higher_is_better": return .text("▲ higher is better")
        case "lower_is_better": return .text("▼ lower is better")
        default: return esc(p)
        }
    }

    /// A search snippet: its text escaped, the matched words (between the private-use
    /// marks `FullTextSearch` puts around them) in `<mark>`.
    static func snippet(_ s: String) -> BodyNode {
        var nodes: [BodyNode] = []
        for (i, piece) in s.components(separatedBy: SearchHit.markStart).enumerated() {
            guard i > 0 else { nodes.append(.escaped(piece)); continue }
            let parts = piece.components(separatedBy: SearchHit.markEnd)
            nodes.append(.element(named: "mark", nodes: [.escaped(parts[0])]))
            nodes.append(.escaped(parts.dropFirst().joined(separator: SearchHit.markEnd)))
        }
        return .group(nodes)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: String?) -> T? {
        value.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
