import Foundation
import ScrutinyCore

/// Reads text, markdown and HTML exports of committee papers into the same page/line
/// model the PDF stage produces: tab-separated fields (or markdown table cells) become a
/// line's cells, `#` headings and bold lines are marked, markup is stripped. HTML exports
/// go through the HTML parser (`HTMLExportReader`).
///
/// Text exports have no page breaks: the result is one page numbered nil.
public struct TextExportReader: Sendable {
    public init() {}

    /// Reads a file's bytes; malformed UTF-8 is decoded with replacement characters and a warning.
    public func read(_ source: SourceDocument, data: Data) throws -> DocumentText {
        guard !data.isEmpty else { throw UnreadableInput("empty file") }
        var warnings: [String] = []
        var text: String
        if let s = String(data: data, encoding: .utf8) {
            text = s
        } else {
            text = String(decoding: data, as: UTF8.self)
            warnings.append("malformed UTF-8: undecodable bytes replaced")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\0") { throw UnreadableInput("binary data in a text export (NUL bytes)") }
        let isHTML = source.kind == .html || Self.looksLikeHTMLDocument(text)
        let lines = isHTML ? HTMLExportReader.lines(from: text) : Self.lines(from: text)
        if lines.allSatisfy(\.isBlank) { throw UnreadableInput("no text in the file") }
        let page = PageText(number: nil, lines: lines, method: .text, warnings: warnings)
        return DocumentText(source: source, pages: [page], pageCount: nil)
    }

    /// Parses exported text into lines with cells.
    public static func lines(from text: String) -> [TextLine] {
        let rawLines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [TextLine] = []
        out.reserveCapacity(rawLines.count)
        var i = 0
        while i < rawLines.count {
            let raw = rawLines[i]
            let next = i + 1 < rawLines.count ? rawLines[i + 1] : nil
            // A markdown pipe table's header row, over its `|---|---|` separator, is the
            // table's header line (printed bold), not a heading.
            if let next, isPipeTableSeparator(next), isPipeRow(raw) {
                var header = line(from: raw)
                header.bold = true
                out.append(header)
                i += 2
                continue
            }
            // A tab-split line underlined by a markdown dash row is a heading split by tabs.
            if let next, isDashRow(next), !raw.trimmingWhitespace().isEmpty {
                let text = InlineMarkup.strip(raw.replacingOccurrences(of: "\t", with: " "))
                out.append(TextLine(cells: [text], bold: true, headingLevel: 2))
                out.append(TextLine(cells: [""]))
                i += 2
                continue
            }
            if isDashRow(raw) { out.append(TextLine(cells: [""])); i += 1; continue }
            out.append(line(from: raw))
            i += 1
        }
        return out
    }

    static func line(from raw: String) -> TextLine {
        var body = raw
        var level: Int?
        let trimmed = raw.trimmingWhitespace()
        if trimmed.hasPrefix("#") {
            let hashes = trimmed.prefix(while: { $0 == "#" }).count
            if hashes <= 6, trimmed.dropFirst(hashes).first == " " {
                level = hashes
                body = String(trimmed.dropFirst(hashes))
            }
        }
        var cellsRaw: [String]
        if body.contains("\t") {
            cellsRaw = body.components(separatedBy: "\t")
        } else if trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count > 2 {
            cellsRaw = trimmed.dropFirst().dropLast().components(separatedBy: "|")
        } else {
            cellsRaw = [body]
        }
        let cells = cellsRaw.count > 1 ? cellsRaw.map(InlineMarkup.cell) : cellsRaw.map(InlineMarkup.strip)
        let bold = cellsRaw.filter { !$0.trimmingWhitespace().isEmpty }.allSatisfy(InlineMarkup.isBold)
            && cells.contains { !$0.isEmpty }
        return TextLine(cells: cells, bold: bold || level != nil, headingLevel: level)
    }

    /// A markdown rule or table separator row: dashes (and pipes, colons, tabs) only.
    static func isDashRow(_ s: String) -> Bool {
        let t = s.trimmingWhitespace()
        guard t.count >= 3, t.contains("--") else { return false }
        return t.allSatisfy { $0 == "-" || $0 == "|" || $0 == ":" || $0 == "\t" || $0 == " " }
    }

    /// A markdown table row: `| a | b |`.
    static func isPipeRow(_ s: String) -> Bool {
        let t = s.trimmingWhitespace()
        return t.count > 2 && t.hasPrefix("|") && t.hasSuffix("|") && t.dropFirst().dropLast().contains("|")
    }

    /// The separator under a markdown table's header: `|---|:---:|` (a dash row with pipes).
    static func isPipeTableSeparator(_ s: String) -> Bool {
        isDashRow(s) && isPipeRow(s)
    }

    static func looksLikeHTMLDocument(_ s: String) -> Bool {
        let head = s.prefix(4096).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body")
    }
}
