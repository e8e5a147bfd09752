import Foundation

/// A stretch of text and whether it was set in bold.
public struct StyledRun: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public init(_ text: String, bold: Bool) { self.text = text; self.bold = bold }
}

/// The inline markup text exports and HTML pages carry (`**bold**`, `*em*`, `<b>`, `<i>`,
/// `<p>`, character references): turned into plain text and bold runs. HTML markup and
/// entities are read by libxml2 (`HTMLDocument`), the only entity decoder; the markdown
/// emphasis marks are read here.
public enum InlineMarkup {
    /// The text without markup, whitespace collapsed; block elements (`<p>`, `<br>`) joined with a space.
    public static func strip(_ raw: String) -> String {
        plainText(runs(raw))
    }

    /// A table cell's text, with `TrailingEmphasisNote` applied.
    public static func cell(_ raw: String) -> String {
        cellText(runs(raw))
    }

    /// True when the whole text is wrapped in bold markup (`**…**` or `<b>…</b>`).
    public static func isBold(_ raw: String) -> Bool {
        let t = raw.trimmingWhitespace()
        guard !t.isEmpty else { return false }
        if t.hasPrefix("**") && t.hasSuffix("**") && t.count > 4 { return true }
        return allBold(runs(raw))
    }

    /// Whitespace runs (including non-breaking spaces) become one space; ends trimmed.
    public static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: runs

    /// A text export's string as bold and plain runs: HTML tags and entities through the
    /// HTML parser (only when the string has a tag or a character reference, so a lone `<`
    /// in `<5%` stays text), then `**…**` marks.
    static func runs(_ raw: String) -> [StyledRun] {
        let html = raw.contains("<") && raw.contains(htmlTag) || raw.contains("&") && raw.contains(characterReference)
        let base = html ? runs(of: HTMLDocument(parsing: raw).root, bold: false) : [StyledRun(raw, bold: false)]
        return merged(splitMarkdownBold(base))
    }

    /// Neighbouring runs of the same weight joined into one.
    static func merged(_ runs: [StyledRun]) -> [StyledRun] {
        var out: [StyledRun] = []
        for r in runs where !r.text.isEmpty {
            if let last = out.last, last.bold == r.bold { out[out.count - 1].text += r.text } else { out.append(r) }
        }
        return out
    }

    nonisolated(unsafe) static let htmlTag = /<\/?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?\/?>/
    nonisolated(unsafe) static let characterReference = /&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/

    /// Elements whose content is never page text.
    static let hiddenElements: Set<String> = ["script", "style", "head", "title", "noscript", "template", "object", "iframe"]
    /// Elements set in bold.
    static let boldElements: Set<String> = ["b", "strong"]
    /// Elements that break the flow of text: inside a cell or a paragraph they part words with a space.
    static let breakingElements: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "blockquote", "dd", "dt", "dl", "pre", "hr",
    ]

    /// The runs of an element's text, inline elements kept together, breaking elements
    /// parted by a space.
    static func runs(of element: HTMLElement, bold: Bool) -> [StyledRun] {
        var out: [StyledRun] = []
        for child in element.children {
            switch child {
            case .text(let t):
                out.append(StyledRun(t, bold: bold))
            case .element(let e):
                guard !hiddenElements.contains(e.name) else { continue }
                let breaks = breakingElements.contains(e.name)
                if breaks { out.append(StyledRun(" ", bold: false)) }
                out += runs(of: e, bold: bold || boldElements.contains(e.name))
                if breaks { out.append(StyledRun(" ", bold: false)) }
            }
        }
        return out
    }

    nonisolated(unsafe) static let markdownBold = /\*\*(?<inner>.+?)\*\*/
    /// Single-star emphasis, `*word*` (a lone `*` footnote mark is not).
    static let markdownEmphasis = #"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])"#

    /// Plain runs with `**…**` inside split into bold runs.
    static func splitMarkdownBold(_ runs: [StyledRun]) -> [StyledRun] {
        var out: [StyledRun] = []
        for run in runs {
            guard !run.bold, run.text.contains("**") else { out.append(run); continue }
            var rest = run.text[...]
            while let m = rest.firstMatch(of: markdownBold) {
                out.append(StyledRun(String(rest[..<m.range.lowerBound]), bold: false))
                out.append(StyledRun(String(m.output.inner), bold: true))
                rest = rest[m.range.upperBound...]
            }
            out.append(StyledRun(String(rest), bold: false))
        }
        return out.filter { !$0.text.isEmpty }
    }

    /// The runs' text, single-star emphasis dropped (a lone `*` as in `78.2%*` kept), whitespace collapsed.
    static func plainText(_ runs: [StyledRun]) -> String {
        var s = runs.map(\.text).joined()
        if s.contains("*") { s = s.replacingOccurrences(of: markdownEmphasis, with: "$1", options: .regularExpression) }
        return collapse(s)
    }

    /// Every run with text in it is bold, and there is text.
    static func allBold(_ runs: [StyledRun]) -> Bool {
        let filled = runs.filter { !collapse($0.text).isEmpty }
        return !filled.isEmpty && filled.allSatisfy(\.bold)
    }

    /// A table cell's text from its runs. `TrailingEmphasisNote` rule: officers append a
    /// note to a measure's name in bold after the plain name (`Numbers of carers - <b>Awaiting
    /// data</b>`); the PDF renderings print it on its own line, led by the dash. The note
    /// goes to its own line, so readers of the cell can tell it from the name. A cell
    /// wholly bold, or bold in the middle, is left as one line.
    static func cellText(_ runs: [StyledRun]) -> String {
        let filled = runs.filter { !collapse($0.text).isEmpty }
        guard filled.count >= 2, let last = filled.last, last.bold, !filled[filled.count - 2].bold,
              let lastIndex = runs.lastIndex(of: last) else { return plainText(runs) }
        var plain = plainText(Array(runs[..<lastIndex]))
        let note = plainText([last])
        var dash = false
        if let end = plain.last, end == "-" || end == "–" {
            dash = true
            plain = collapse(String(plain.dropLast()))
        }
        guard !plain.isEmpty, !note.isEmpty, !plain.hasSuffix("*") else { return plainText(runs) }
        return dash ? plain + "\n- " + note : plain + "\n" + note
    }
}
