import ArgumentParser
import Foundation
import Layout
import Pipeline
import ScrutinyCore

/// `scrutiny layout`: what the text and layout stages make of one file (text export or
/// PDF), block by block — paragraphs and tables with their header rows — to see why a
/// paper's records come out as they do.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Print the paragraphs and tables the layout stage finds in a file.",
        discussion: """
            Tables print one row per line with cells between `|`; header rows are marked `H`,
            body rows `|`, and the pages a table spans are given. Paragraphs print as `¶`.
            Example:
              scrutiny layout report.pdf
              scrutiny layout report.txt --tables-only
            """)

    @Argument(help: "The file (PDF or text export).")
    var file: String

    @Flag(help: "Print tables only.")
    var tablesOnly = false

    @Flag(help: "Also print each page's lines after table finding (region, heading level, cells) to stderr.")
    var lines = false

    func run() throws {
        let source: SourceDocument
        let text: DocumentText
        let laid: LaidOutDocument
        do {
            source = try IngestStage().run(path: file)
            text = try TextStage(options: .init()).run(source, context: StageContext())
            laid = try LayoutStage(options: .init()).run(text, context: StageContext())
        } catch let e as UnreadableInput { throw ValidationError("\(file): \(e.reason)") }
        if lines {
            for page in GeometricLayout.prepare(text.pages).pages {
                var out = "== page \(page.number ?? 0) lines\n"
                for l in page.lines {
                    let y = l.box.map { String(format: "y %.1f-%.1f x %.1f-%.1f", $0.y0, $0.y1, $0.x0, $0.x1) } ?? ""
                    out += "  \(l.tableRegion.map { "r\($0)" } ?? "-") \(l.headingLevel.map { "h\($0)" } ?? "  ") \(y): "
                        + l.cells.map { $0.replacingOccurrences(of: "\n", with: " ⏎ ") }.joined(separator: " | ") + "\n"
                }
                FileHandle.standardError.write(Data(out.utf8))
            }
        }
        if !laid.runningHeaders.isEmpty { print("running headers: \(laid.runningHeaders)") }
        for (i, b) in laid.blocks.enumerated() {
            switch b {
            case .paragraph(let p):
                guard !tablesOnly else { continue }
                let level = p.headingLevel.map { " h\($0)" } ?? ""
                print("¶\(level)\(p.bold ? " b" : "") p\(p.at.page ?? 0): \(p.text.prefix(160))")
            case .table(let t):
                let pages = t.pages.map { " pages \($0.map(String.init).joined(separator: ","))" } ?? ""
                print("== table (block \(i))\(pages) \(t.columnCount) cols, \(t.headerRows.count) header + \(t.rows.count) rows"
                      + (t.caption.map { " caption: \($0)" } ?? ""))
                func show(_ r: [String]) -> String { r.map { $0.replacingOccurrences(of: "\n", with: " ⏎ ") }.joined(separator: " | ") }
                for h in t.headerRows { print("  H " + show(h)) }
                for r in t.rows { print("  | " + show(r.cells)) }
            }
        }
    }
}
