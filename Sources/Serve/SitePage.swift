import Foundation
import Plot

/// Building blocks for the site's pages over Plot: escaping, links, tables, the search
/// form and the page frame. Pages are Plot node trees, never strings glued together, and
/// every piece of corpus text or request input reaches a page through `escape` — as text
/// (`Node.escaped`) or as an attribute value (`Node.escapedAttribute`, `Attribute.escaped`).
/// Plot itself writes attribute values as given and leaves `&name;` in text as an entity,
/// so its `.text` and attribute modifiers take only constant strings here.
public enum SitePage {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and quoted attributes.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A query-string value, percent-encoded (only unreserved characters left as they are).
    public static func queryValue(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Link to an indicator page.
    public static func indicatorHref(_ id: String) -> String { "/indicator?id=" + queryValue(id) }

    /// Link to a document page, at `page` when given (the anchor `pageAnchor` names).
    public static func documentHref(_ docID: String, page: Int? = nil) -> String {
        "/document/" + queryValue(docID) + (page.map { "#" + pageAnchor($0) } ?? "")
    }

    /// The fragment id of a page on a document page: `page-4`, on the first record row of page 4.
    public static func pageAnchor(_ page: Int) -> String { "page-\(page)" }

    /// A table in its scrolling frame: header labels as text, body cells as nodes; a row may
    /// have a class and an `id` (an anchor such as `page-4`), both escaped.
    public static func table(header: [String], rows: [[Node<HTML.BodyContext>]], numericColumns: Set<Int> = [],
                             rowClasses: [String?] = [], rowIDs: [String?] = []) -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .table(
            .thead(.tr(.forEach(Array(header.enumerated())) { column in
                .th(numericColumns.contains(column.offset) ? .class("num") : .empty, .escaped(column.element))
            })),
            .tbody(.forEach(Array(rows.enumerated())) { row in
                let cls = row.offset < rowClasses.count ? rowClasses[row.offset] : nil
                let id = row.offset < rowIDs.count ? rowIDs[row.offset] : nil
                return .tr(.unwrap(id) { .escapedAttribute("id", $0) }, .unwrap(cls) { .escapedAttribute("class", $0) }, .forEach(Array(row.element.enumerated())) { cell in
                    .td(numericColumns.contains(cell.offset) ? .class("num") : .empty, cell.element)
                })
            })
        ))
    }

    /// The search form, pre-filled with `query`.
    public static func searchForm(_ query: String = "") -> Node<HTML.BodyContext> {
        .form(.class("search"), .action("/search"), .method(.get), .attribute(named: "role", value: "search"),
              .input(.type(.search), .name("q"), .escaped("value", query),
                     .placeholder("Search indicators, commentary, papers"), .attribute(named: "aria-label", value: "Search")),
              .button(.type(.submit), .text("Search")))
    }

    /// A whole page: title (escaped here) and body, with the inline stylesheet.
    public static func page(title: String, body: Node<HTML.BodyContext>...) -> String {
        HTML(
            .lang(.english),
            .head(
                .meta(.attribute(named: "charset", value: "utf-8")),
                .meta(.attribute(named: "name", value: "viewport"), .attribute(named: "content", value: "width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.escaped(title + " · Scrutiny")]),
                .style(stylesheet)
            ),
            .body(
                .header(.a(.class("brand"), .href("/"), .text("Scrutiny")), searchForm()),
                .main(.group(body)),
                .footer(.text("Read-only view of the corpus. Figures as printed in council committee papers."))
            )
        ).render()
    }

    static let stylesheet = """
        :root{--ink:#1d232a;--muted:#5b6670;--line:#dde2e6;--accent:#0b5cad;--bad:#c62828;--good:#2e7d32}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7f9}
        header{display:flex;gap:24px;align-items:center;padding:10px 28px;background:#12324f;color:#fff}
        header .brand{color:#fff;font-weight:700;font-size:18px;text-decoration:none;letter-spacing:.02em}
        form.search{display:flex;gap:6px;flex:1;max-width:520px}form.search input{flex:1;padding:6px 10px;border:1px solid #9fb3c8;border-radius:4px;font:inherit}
        form.search button{padding:6px 14px;border:0;border-radius:4px;background:#e8eef5;font:inherit;cursor:pointer}
        main{max-width:1100px;margin:0 auto;padding:20px 28px 40px}h1{font-size:24px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 8px}
        a{color:var(--accent)}.muted{color:var(--muted)}.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:10px 0}
        .meta dt{color:var(--muted)}.meta dd{margin:0}.scroll{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{background:#eef1f4;font-weight:600;white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.below td{background:#fdecea}.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e8eef5}
        .badge.below_target{background:#fdecea;color:var(--bad)}.badge.on_target,.badge.above_target{background:#e8f5e9;color:var(--good)}
        .chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px;overflow-x:auto}.chart svg{max-width:100%;height:auto}
        mark{background:#fff3b0;padding:0 1px}ol.hits{padding-left:20px}ol.hits li{margin:0 0 12px}.small{font-size:13px}
        footer{max-width:1100px;margin:0 auto;padding:12px 28px 30px;color:var(--muted);font-size:13px}
        """
}

public extension Node {
    /// Text from the corpus or the request, escaped by `SitePage.escape` (shown exactly as written).
    static func escaped(_ text: String) -> Node { .raw(SitePage.escape(text)) }

    /// An attribute whose value comes from the corpus or the request, escaped; written even when empty.
    static func escapedAttribute(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: SitePage.escape(value), ignoreIfValueIsEmpty: false)
    }
}

public extension Attribute {
    /// An attribute whose value comes from the corpus or the request, escaped; written even when empty.
    static func escaped(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: SitePage.escape(value), ignoreIfValueIsEmpty: false)
    }
}
