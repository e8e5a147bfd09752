import Foundation
import ScrutinyCore
import Normalise

/// Helpers shared by the extractors: nearest headings, figures with units, titles.
enum ExtractText {
    typealias Limits = ExtractTolerances.Text

    /// The heading a block sits under: the nearest preceding short paragraph, with a
    /// list letter (`A.`) or number stripped.
    static func section(before index: Int, in blocks: [Block], maxLength: Int = Limits.sectionLength) -> String? {
        var i = index - 1
        var seen = 0
        while i >= 0, seen < Limits.sectionParagraphs {
            if case .paragraph(let p) = blocks[i] {
                seen += 1
                let t = p.text.trimmingWhitespace()
                // a reporting period line (`Periods --> 01/04/2011 to 30/09/2011`) names no section
                if DateRangeShape.occurs(in: t),
                   t.count <= Limits.periodLineLength { i -= 1; continue }
                // a sentence of prose between a heading and its table is no heading either
                if (p.headingLevel ?? Limits.noHeadingLevel) >= Limits.minorHeadingLevel, isProse(t) { i -= 1; continue }
                if isWrappedSentenceStart(t, before: i + 1 < blocks.count ? blocks[i + 1] : nil) { i -= 1; continue }
                // a line leading into a list (`… as follows;`) or a page number is no heading
                if t.count <= maxLength, !t.hasSuffix(":"), !t.hasSuffix(";"), t.count >= Limits.shortestHeading, t.contains(" "),
                   t.wholeMatch(of: rxPageNumber) == nil {
                    return cleanSection(t)
                }
            } else {
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// `WrappedSentenceIsNoHeading` rule: a line that the next paragraph carries on in lower
    /// case (`… Heads of Service are` / `reviewing performance with team managers …`) is the
    /// first line of a wrapped sentence, even where a scan's type size made it a heading.
    /// Counter-example: a heading over a paragraph that starts a sentence of its own, or a
    /// heading ending in a full stop or colon.
    static func isWrappedSentenceStart(_ t: String, before next: Block?) -> Bool {
        guard case .paragraph(let n)? = next, let last = t.last, !".:;!?".contains(last),
              let first = n.text.trimmingWhitespace().first else { return false }
        return first.isLowercase
    }

    /// The heading a block sits under when tables and card titles may stand between them
    /// (a page of KPI cards under one heading): the nearest preceding heading of level 1–2
    /// where the document marks headings (PDF type sizes), else the nearest preceding
    /// short paragraph that reads as a heading.
    static func heading(before index: Int, in blocks: [Block]) -> String? {
        let marked = blocks.contains {
            if case .paragraph(let p) = $0 { return (p.headingLevel ?? Limits.noHeadingLevel) <= Limits.topHeadingLevel } else { return false }
        }
        var i = index - 1
        while i >= 0 {
            if case .paragraph(let p) = blocks[i] {
                let t = p.text.trimmingWhitespace()
                let isHeading = marked ? (p.headingLevel ?? Limits.noHeadingLevel) <= Limits.topHeadingLevel
                    : readsAsHeading(t, maxLength: Limits.unmarkedHeadingLength)
                if isHeading, !t.hasSuffix(":") { return cleanSection(t) }
            }
            i -= 1
        }
        return nil
    }

    /// A short label, not prose, not a period line, not a page number.
    static func readsAsHeading(_ t: String, maxLength: Int) -> Bool {
        t.count <= maxLength && t.count >= Limits.shortestHeading && t.contains(" ") && !t.hasSuffix(";") && !isProse(t)
            && !DateRangeShape.occurs(in: t) && t.wholeMatch(of: rxPageNumber) == nil
    }

    /// Headings are labels, not sentences: a paragraph that ends with a full stop (or a
    /// question or exclamation mark) after at least `Limits.proseWords` words is prose that
    /// introduces or comments on a table, not the heading it sits under.
    static func isProse(_ t: String) -> Bool {
        guard let last = t.last, ".!?".contains(last) else { return false }
        return t.split(separator: " ").count >= Limits.proseWords
    }

    /// A person's name as printed, with OCR's `l` for a capital `I` mended where a name
    /// word starts lower-case (`lan Hepworth` → `Ian Hepworth`) and the others are capitalised.
    static func personName(_ s: String?) -> String? {
        // quote marks are specks beside a name (`Trevor Ogunleye’`), never part of it at its ends
        guard let t = textOrNil(s?.trimmingCharacters(in: CharacterSet(charactersIn: "'’‘\"“” "))) else { return nil }
        var words = t.split(separator: " ").map(String.init)
        guard words.count >= Limits.nameWords, words.dropFirst().allSatisfy({ $0.first?.isUppercase == true }),
              let first = words.first, first.count >= Limits.misreadFirstNameLength, first.hasPrefix("l"),
              first.dropFirst().allSatisfy(\.isLowercase) else { return t }
        words[0] = "I" + first.dropFirst()
        return words.joined(separator: " ")
    }

    /// The label printed right above a table's period banner inside its caption (a legend,
    /// then `Young people`, then `Periods --> 01/04/2012 to 30/06/2012`): the nearest name
    /// of what the table covers. Nil unless that line is a short label (no figures, no
    /// closing punctuation).
    static func captionLabel(_ table: Table) -> String? {
        guard let lines = table.captionLines,
              let banner = lines.lastIndex(where: DateRangeShape.occurs), banner > 0 else { return nil }
        let label = lines[banner - 1].trimmingWhitespace()
        guard label.count >= Limits.shortestHeading, label.count <= Limits.captionLabelLength, label.first?.isUppercase == true,
              !label.contains(where: \.isNumber), let last = label.last, last.isLetter || last == ")" else { return nil }
        return cleanSection(label)
    }

    static func cleanSection(_ s: String) -> String {
        var t = s.replacing(rxListLetterLead, with: "")
        t = t.replacing(rxListNumberLead, with: "")
        // `Objective 9 Reduce teenage conceptions`, `Priority 2: …` → the words alone
        t = t.replacing(rxNumberedObjectiveLead, with: "")
        return TextCleaner.collapseWhitespace(t)
    }

    /// `%` when the figures carry `%`, `GBP` when they carry `£`, else nil.
    static func unit(fromCells cells: [String]) -> String? {
        if cells.contains(where: { $0.contains("£") }) { return "GBP" }
        let figures = cells.compactMap { FigureParser.parse($0) }
        if figures.contains(where: { $0.unit == .money }) { return "GBP" }
        if figures.contains(where: { $0.unit == .percent }) || cells.contains(where: { $0.matches(pattern: #"\d\s?%"#) }) { return "%" }
        return nil
    }

    /// A cell's figure in the measure's unit, or nil; `moneyContext` when the measure is in pounds.
    static func value(_ cell: String?, unit: String?) -> Double? {
        guard let cell, !cell.isEmpty else { return nil }
        return FigureParser.parse(cell, moneyContext: unit == "GBP")?.value
    }

    static func textOrNil(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = TextCleaner.collapseWhitespace(s)
        return t.isEmpty ? nil : t
    }

    /// Content words of a text, for matching comments to rows.
    static func contentWords(_ s: String) -> Set<String> {
        let stop: Set<String> = ["the", "of", "and", "in", "to", "a", "for", "on", "at", "by", "with", "was", "were",
                                 "is", "are", "this", "that", "be", "who", "had", "has", "their", "number", "out"]
        return Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { $0.count > 1 && !stop.contains($0) })
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A list letter leading a heading: `A. `, `b) `.
nonisolated(unsafe) private let rxListLetterLead = /^[A-Z]\s?[.)]\s+/
/// A list number leading a heading: `1. `, `12) `.
nonisolated(unsafe) private let rxListNumberLead = /^\d{1,2}[.)]\s+/
/// A numbered objective label leading a heading: `Objective 9 `, `Priority 2: `.
nonisolated(unsafe) private let rxNumberedObjectiveLead = /^(?i:objective|priority|outcome|theme|aim|key priority)\s+[0-9]{1,2}[a-z]?\s*[:.)\-–]?\s+(?=\S)/

nonisolated(unsafe) private let rxPageNumber = /(?i)page\s+\d+\s+(?:of|\/)\s+\d+/

