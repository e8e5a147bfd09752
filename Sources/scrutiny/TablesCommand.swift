import ArgumentParser
import Foundation
import Layout
import PDFText
import ScrutinyCore

/// `scrutiny tables`: the tables found on a PDF's pages, one JSON line (or CSV / text block) per page.
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print the tables found on a PDF's pages.",
        discussion: """
            Each page is read on its own (no joining across pages). Header rows are included as rows.
            Example:
              scrutiny tables report.pdf --pages 3,4
              scrutiny tables report.pdf --format table
            """)

    /// Output shapes.
    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, table }

    @Argument(help: "The PDF file.")
    var file: String

    @Option(help: "1-based page numbers, comma-separated (default: every page).")
    var pages: String?

    @Option(help: "jsonl (default), csv or table.")
    var format: Format = .jsonl

    @Option(help: "Ruling lines from the page's drawing operations (default) or from a 72-dpi raster.")
    var rules: PDFTextReader.RuleSource = .drawing

    @Flag(help: "Also print each page's ruling lines and text lines with word boxes to stderr (for debugging).")
    var geometry = false

    func run() throws {
        var wanted: [Int]?
        if let pages {
            wanted = try pages.split(separator: ",").map { part in
                guard let n = Int(part.trimmingWhitespace()), n >= 1 else {
                    throw ValidationError("--pages takes 1-based page numbers such as 3,4 (got `\(part)`)")
                }
                return n
            }
        }
        let reader = PDFTextReader(options: .init(rules: rules))
        let read: [PageText]
        do { read = try reader.read(path: file, pages: wanted) } catch let e as UnreadableInput {
            throw ValidationError("\(file): \(e.reason)")
        }
        for page in read {
            if geometry { FileHandle.standardError.write(Data(describe(page).utf8)) }
            let (prepared, _) = GeometricLayout.prepare([page])
            let tables = TableAssembler().blocks(for: prepared).compactMap { b -> [[String]]? in
                guard case .table(let t) = b else { return nil }
                return t.headerRows + t.rows.map(\.cells)
            }
            print(render(tables, page: page.number ?? 0))
        }
    }

    /// The page's rules and lines with word boxes, one per line of output.
    func describe(_ page: PageText) -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func box(_ b: Box) -> String { "\(f(b.x0))-\(f(b.x1)) y \(f(b.y0))-\(f(b.y1))" }
        var out = "== page \(page.number ?? 0) rules\n"
        for r in page.rules.sorted(by: { ($0.y0, $0.x0) < ($1.y0, $1.x0) }) { out += "  rule x \(box(r))\n" }
        for l in page.lines {
            out += "  line y \(l.box.map { f($0.y0) + "-" + f($0.y1) } ?? "?")\(l.bold ? " bold" : ""): "
            out += l.words.map { w in "\(w.text)@" + (w.box.map { f($0.x0) + "-" + f($0.x1) } ?? "?") }.joined(separator: " ") + "\n"
        }
        return out
    }

    func render(_ tables: [[[String]]], page: Int) -> String {
        switch format {
        case .jsonl:
            struct Line: Encodable { var pdf: String; var page: Int; var tables: [[[String]]] }
            let enc = JSONEncoder()
            enc.outputFormatting = [.withoutEscapingSlashes]
            let data = (try? enc.encode(Line(pdf: file, page: page, tables: tables))) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .csv:
            return tables.enumerated().map { i, t in
                "# page \(page) table \(i + 1)\n" + t.map { row in
                    row.map { c in
                        c.contains(where: { ",\"\n".contains($0) }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
                    }.joined(separator: ",")
                }.joined(separator: "\n")
            }.joined(separator: "\n\n")
        case .table:
            return "== page \(page): \(tables.count) table(s)\n" + tables.map { t in
                t.map { "| " + $0.map { $0.replacingOccurrences(of: "\n", with: " ⏎ ") }.joined(separator: " | ") + " |" }
                    .joined(separator: "\n")
            }.joined(separator: "\n\n")
        }
    }
}

extension PDFTextReader.RuleSource: ExpressibleByArgument {}
