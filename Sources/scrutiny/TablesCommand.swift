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

    func run() throws {
        var wanted: [Int]?
        if let pages {
            wanted = try pages.split(separator: ",").map { part in
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                    throw ValidationError("--pages takes 1-based page numbers such as 3,4 (got `\(part)`)")
                }
                return n
            }
        }
        let reader = PDFTextReader(options: .init())
        let read: [PageText]
        do { read = try reader.read(path: file, pages: wanted) } catch let e as UnreadableInput {
            throw ValidationError("\(file): \(e.reason)")
        }
        for page in read {
            let (prepared, _) = GeometricLayout.prepare([page])
            let tables = TableAssembler().blocks(for: prepared).compactMap { b -> [[String]]? in
                guard case .table(let t) = b else { return nil }
                return t.headerRows + t.rows.map(\.cells)
            }
            print(render(tables, page: page.number ?? 0))
        }
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
