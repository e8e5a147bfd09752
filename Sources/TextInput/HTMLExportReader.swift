import Foundation
import ScrutinyCore

/// Reads an HTML export's parsed DOM into lines: headings, paragraphs and list items
/// become lines of text (blank lines between paragraphs, as in a text export), `<br>`
/// breaks a line, a table becomes one line per row with a cell per column, laid out on
/// the grid its `colspan`/`rowspan` attributes describe (`SpannedCellGrid`). Script,
/// style and the document head are not text.
public enum HTMLExportReader {
    /// The lines of an HTML document.
    public static func lines(from html: String) -> [TextLine] {
        var walker = Walker()
        walker.walk(HTMLDocument(parsing: html).root, bold: false)
        walker.flush()
        return walker.lines
    }

    /// Elements after which a blank line parts what follows, as a text export parts its paragraphs.
    static let paragraphElements: Set<String> = ["p", "ul", "ol", "dl", "blockquote", "pre", "hr", "figure"]
    /// Elements that start and end a line without a blank line around them.
    static let lineElements: Set<String> = [
        "div", "li", "dt", "dd", "section", "article", "main", "header", "footer", "nav", "aside", "form",
        "address", "center", "body", "html", "caption", "figcaption", "fieldset", "legend", "details", "summary",
    ]

    struct Walker {
        var lines: [TextLine] = []
        var runs: [StyledRun] = []

        /// Ends the line being gathered (nothing when it holds no text).
        mutating func flush(headingLevel: Int? = nil) {
            let text = InlineMarkup.plainText(runs)
            let bold = InlineMarkup.allBold(runs)
            runs = []
            guard !text.isEmpty else { return }
            lines.append(TextLine(cells: [text], bold: bold || headingLevel != nil, headingLevel: headingLevel))
        }

        /// A blank line, unless one already ends the lines.
        mutating func blank() {
            flush()
            if let last = lines.last, !last.isBlank { lines.append(TextLine(cells: [""])) }
        }

        mutating func walk(_ element: HTMLElement, bold: Bool) {
            for child in element.children {
                switch child {
                case .text(let t):
                    runs.append(StyledRun(t, bold: bold))
                case .element(let e):
                    visit(e, bold: bold)
                }
            }
        }

        mutating func visit(_ e: HTMLElement, bold: Bool) {
            let name = e.name
            if InlineMarkup.hiddenElements.contains(name) { return }
            if name == "br" { flush(); return }
            if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
                blank()
                walk(e, bold: true)
                flush(headingLevel: level)
                blank()
                return
            }
            if name == "table" {
                blank()
                tableLines(e)
                blank()
                return
            }
            if name == "li" {
                flush()
                runs.append(StyledRun("- ", bold: false))
                walk(e, bold: bold)
                flush()
                return
            }
            if Self.isParagraph(name) {
                blank(); walk(e, bold: bold); blank()
            } else if HTMLExportReader.lineElements.contains(name) {
                flush(); walk(e, bold: bold); flush()
            } else {
                walk(e, bold: bold || InlineMarkup.boldElements.contains(name))
            }
        }

        static func isParagraph(_ name: String) -> Bool { HTMLExportReader.paragraphElements.contains(name) }

        /// A table's caption and rows.
        mutating func tableLines(_ table: HTMLElement) {
            for caption in table.childElements where caption.name == "caption" {
                runs = InlineMarkup.runs(of: caption, bold: false)
                flush()
            }
            for row in SpannedCellGrid.rows(of: table) {
                let text = row.count > 1 ? row.map { InlineMarkup.cellText($0) } : row.map { InlineMarkup.plainText($0) }
                let filled = row.filter { !InlineMarkup.plainText($0).isEmpty }
                let bold = !filled.isEmpty && filled.allSatisfy(InlineMarkup.allBold)
                lines.append(TextLine(cells: text, bold: bold))
            }
        }
    }
}

/// An HTML table's cells placed on its grid of rows and columns. `SpannedCellGrid` rule:
/// council papers exported as HTML head a group of columns with one cell spanning them
/// (`<th colspan=2>2012/13</th>` over `Actual | Target`), and print a value shared by
/// several indicator rows once, spanning them (`<td rowspan=2>` target or lead officer).
/// The readers downstream read a table as rows of equally placed cells, the way a text
/// export or a PDF prints it, so:
/// - a cell spanning n columns puts its text in the first and leaves n-1 empty cells after
///   it (a spanning label over blanks is how a header reader knows a group label);
/// - a cell spanning rows occupies its column in the rows below, so their own cells land
///   to the right of it: in header rows (`<thead>`, or rows of `<th>` only) it is left
///   blank there, a label printed once; in body rows, each indicator's row, the shared
///   value is repeated, as it belongs to every row it spans.
public enum SpannedCellGrid {
    /// The largest span honoured; a larger attribute (a typo, a generator's `colspan=1000`) counts as this.
    public static let maxSpan = 64

    /// The table's rows (in `thead`, `tbody`, `tfoot` or directly under it; not those of
    /// nested tables) as runs per grid column.
    public static func rows(of table: HTMLElement) -> [[[StyledRun]]] {
        var rows: [(HTMLElement, inHead: Bool)] = []
        for child in table.childElements {
            switch child.name {
            case "tr": rows.append((child, false))
            case "thead", "tbody", "tfoot":
                for tr in child.childElements where tr.name == "tr" { rows.append((tr, child.name == "thead")) }
            default: break
            }
        }
        /// A cell still spanning down: its runs to print in the rows below, and how many rows are left.
        struct Carry { var runs: [StyledRun]; var rowsLeft: Int }
        var carries: [Int: Carry] = [:]
        var out: [[[StyledRun]]] = []
        for (tr, inHead) in rows {
            let cells = tr.childElements.filter { $0.name == "td" || $0.name == "th" }
            let headerRow = inHead || (!cells.isEmpty && cells.allSatisfy { $0.name == "th" })
            var grid: [[StyledRun]] = []
            var below: [Int: Carry] = [:]
            func placeCarried() {
                while let c = carries[grid.count] {
                    grid.append(c.runs)
                    if c.rowsLeft > 1 { below[grid.count - 1] = Carry(runs: c.runs, rowsLeft: c.rowsLeft - 1) }
                }
            }
            for cell in cells {
                placeCarried()
                let runs = InlineMarkup.merged(InlineMarkup.splitMarkdownBold(InlineMarkup.runs(of: cell, bold: false)))
                let colspan = span(cell.attributes["colspan"])
                let rowspan = span(cell.attributes["rowspan"])
                for k in 0..<colspan {
                    let start = grid.count
                    grid.append(k == 0 ? runs : [])
                    if rowspan > 1 {
                        below[start] = Carry(runs: k == 0 && !headerRow ? runs : [], rowsLeft: rowspan - 1)
                    }
                }
            }
            // cells spanning down into the row's end, after its own cells
            while let maxCarried = carries.keys.filter({ $0 >= grid.count }).min() {
                while grid.count < maxCarried { grid.append([]) }
                placeCarried()
            }
            carries = below
            out.append(grid)
        }
        return out
    }

    /// A `colspan` / `rowspan` value: 1 when missing, unreadable or 0, at most `maxSpan`.
    static func span(_ value: String?) -> Int {
        guard let v = value?.trimmingWhitespace(), let n = Int(v.prefix(while: \.isNumber)), n > 0 else { return 1 }
        return min(n, maxSpan)
    }
}
