import Foundation
import ScrutinyCore
import Normalise

/// Counts the figures a paper prints and how many of them ended up in its rows, so a
/// paper whose pages carry figures but which gave no records is reported, never silent.
///
/// A figure is a table body cell that `FigureParser.figureCell` reads (a period or a
/// date is no figure: `2024/25`, `Apr-24`, `31/03/2024`), or a labelled value in running
/// text (`Target: 90%`, `Latest: 94%`). It is used when a record, finance line or activity
/// of the same page carries the same value (in any of the scales a paper prints money
/// in: `£1.2m`, `1,200` under `£000`) or the same text.
public struct CoverageCounter: Sendable {
    public init() {}

    /// Limits of what counts.
    typealias Limits = ExtractTolerances.Coverage

    /// The scales a figure may be stored in relative to how the page prints it
    /// (`£1.2m` stored in pounds, `1,200` under `£000`, a percent as a fraction).
    static let scales: [Double] = [1, 1_000, 1_000_000, 0.001, 0.000_001, 100, 0.01]

    public func coverage(of doc: LaidOutDocument, extraction: Extraction) -> CoverageRow {
        let printed = Self.figures(in: doc)
        let used = Self.usedValues(extraction)
        var count = 0
        for f in printed {
            guard let page = used[f.page] else { continue }
            if page.texts.contains(f.text) || page.values.contains(where: { Self.same(f.value, $0) }) { count += 1 }
        }
        return CoverageRow(docID: extraction.document.docID, pages: extraction.document.pages, figures: printed.count,
                           used: count, records: extraction.records.count, finance: extraction.finance.count,
                           activities: extraction.activities.count)
    }

    /// One figure the paper prints.
    struct PrintedFigure: Equatable {
        var page: Int?
        var text: String
        var value: Double
    }

    /// Every figure cell of the paper's tables and every labelled value of its running text.
    static func figures(in doc: LaidOutDocument) -> [PrintedFigure] {
        var out: [PrintedFigure] = []
        for block in doc.blocks {
            switch block {
            case .table(let t):
                // a card laid out as a table prints its labelled values in header or body cells
                for line in (t.captionLines ?? []) + t.headerRows.flatMap({ $0 }) {
                    out += labelledFigures(in: line, page: t.at.page)
                }
                for row in t.rows {
                    for cell in row.cells {
                        for line in cell.lines(omittingEmpty: true) {
                            if let f = figure(line, page: row.at.page) { out.append(f) } else {
                                out += labelledFigures(in: line, page: row.at.page)
                            }
                        }
                    }
                }
            case .paragraph(let p):
                for line in p.lines { out += labelledFigures(in: line, page: p.at.page) }
            }
        }
        return out
    }

    static func labelledFigures(in line: String, page: Int?) -> [PrintedFigure] {
        labelledValues(in: line).compactMap { figure($0, page: page) }
    }

    /// The figure a cell states, unless it is a period or a date.
    static func figure(_ raw: String, page: Int?) -> PrintedFigure? {
        // cheap test first: most cells hold no digit at all
        guard raw.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let text = TextCleaner.collapseWhitespace(raw)
        guard let f = FigureParser.figureCell(text), !isPeriodOrDate(text) else { return nil }
        return PrintedFigure(page: page, text: text, value: f.value)
    }

    static func isPeriodOrDate(_ text: String) -> Bool {
        // a period or date has a letter (`Apr-24`, `Q3`), a slash, an inner dash or four digits;
        // `94%`, `1,234`, `-5` have none, and most figure cells are like them
        let bytes = Array(text.utf8)
        let worthParsing = bytes.count == Limits.yearLength || bytes.enumerated().contains { i, b in
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || (b == UInt8(ascii: "-") && i > 0)
        }
        guard worthParsing else { return false }
        return PeriodParser.periodEnd(ofLabel: text, financialYear: nil) != nil || DateParser.parse(text) != nil
            || PatternCache.regex(yearLike).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// A year or financial year on its own (`2024`, `2024/25`, `2023-2024`).
    static let yearLike = "^(19|20)\\d\\d([/-]\\d{2,4})?$"

    /// The values of `Label: value` pairs in a line of running text whose label is a short
    /// phrase (`Target 2024/25: 90%`); prose with a colon and a long lead-in is not one.
    static func labelledValues(in line: String) -> [String] {
        guard mayLabelFigure(line) else { return [] }
        let ns = line as NSString
        var out: [String] = []
        for m in PatternCache.regex(labelledValue).matches(in: line, range: NSRange(location: 0, length: ns.length)) {
            let label = ns.substring(with: m.range(at: 1)).split(separator: " ")
            guard !label.isEmpty, label.count <= Limits.labelWords else { continue }
            out.append(ns.substring(with: m.range(at: 2)))
        }
        return out
    }

    /// False for a line in which no colon is followed (across white space, a sign, a bracket
    /// or a currency) by a digit, so `labelledValue` cannot match. A byte outside ASCII there
    /// may be white space, a sign or a digit, and says "maybe" (a test checks the scan
    /// never says "no" to a line the expression matches).
    static func mayLabelFigure(_ line: String) -> Bool {
        let b = Array(line.utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) }
        for i in b.indices where b[i] == UInt8(ascii: ":") {
            var j = i + 1
            while j < b.count, isSpace(b[j]) { j += 1 }
            if j < b.count, "-+(<>$".utf8.contains(b[j]) {
                j += 1
                while j < b.count, isSpace(b[j]) { j += 1 }
            }
            if j < b.count, b[j] >= 0x80 || (b[j] >= 0x30 && b[j] <= 0x39) { return true }
        }
        return false
    }

    /// `Label: figure`, the label a short run of words (group 1), the figure group 2.
    static let labelledValue =
        "([A-Za-z][A-Za-z0-9/ ()&-]{0,60}?)\\s*:\\s*([-–+(£$€<>]?\\s?\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|m|k|bn)?)"

    /// Values and texts of the rows of each page.
    struct PageValues {
        var values: [Double] = []
        var texts: Set<String> = []
    }

    static func usedValues(_ e: Extraction) -> [Int?: PageValues] {
        var pages: [Int?: PageValues] = [:]
        func add(_ page: Int?, _ values: [Double?], _ texts: [String?]) {
            pages[page, default: PageValues()].values += values.compactMap { $0 }
            for t in texts.compactMap({ $0 }) {
                pages[page, default: PageValues()].texts.insert(TextCleaner.collapseWhitespace(t))
            }
        }
        for r in e.records {
            add(r.page, [r.actual, r.target, r.previous, r.floor, r.comparators.national, r.comparators.similarAuthorities],
                [r.actualText, r.targetText, r.previousText, r.floorText, r.comparatorsText.national,
                 r.comparatorsText.similarAuthorities])
        }
        for f in e.finance { add(f.page, f.values.values, []) }
        for a in e.activities {
            let figures = [a.progress, a.statusText].compactMap { $0 }.compactMap { FigureParser.parse($0)?.value }
            add(a.page, figures, [a.progress])
        }
        return pages
    }

    static func same(_ printed: Double, _ stored: Double) -> Bool {
        scales.contains { s in
            let v = printed * s
            return abs(v - stored) <= Limits.sameValue * max(1, abs(v), abs(stored))
        }
    }
}
