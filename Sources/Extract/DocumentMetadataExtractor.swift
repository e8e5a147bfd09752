import Foundation
import ScrutinyCore
import Normalise

/// Finds a document's title, council, financial year, quarter and "as at" date from its
/// title lines, running headers and opening paragraphs.
public struct DocumentMetadataExtractor: Sendable {
    typealias Limits = ExtractTolerances.Metadata

    public init() {}

    public func extract(_ doc: LaidOutDocument) -> DocumentRow {
        let opening = Array(doc.paragraphs.prefix(Limits.openingParagraphs))
        // headings further down (a page header carried into a text export) count too
        let headings = doc.paragraphs.dropFirst(Limits.openingParagraphs).filter { $0.headingLevel != nil }.prefix(Limits.laterHeadings)
        let title = findTitle(opening + headings, runningHeaders: doc.runningHeaders)
        var texts: [String] = []
        if let title { texts.append(title) }
        texts += doc.runningHeaders
        texts += opening.map(\.text)
        var fy: String?
        var quarter: Int?
        var asAt: String?
        for t in texts.prefix(Limits.periodTexts) {
            if fy == nil, let y = PeriodParser.financialYear(in: t) {
                fy = y
                if quarter == nil { quarter = PeriodParser.quarter(in: t) }
            }
            if quarter == nil, let q = PeriodParser.quarter(in: t), t.count < Limits.quarterTextLength { quarter = q }
            if asAt == nil, let d = Self.asAtDate(in: t) { asAt = d }
        }
        // a period range ("April 1st 2012 to June 30th 2012") gives the as-at date
        if asAt == nil {
            for t in texts.prefix(Limits.periodTexts) {
                if let end = Self.rangeEnd(in: t) { asAt = end; break }
            }
        }
        if let d = asAt {
            let derived = PeriodParser.quarter(of: d)
            if fy == nil { fy = derived.financialYear }
            if quarter == nil || fy == derived.financialYear && quarter != derived.quarter && Self.isQuarterEnd(d) {
                quarter = derived.quarter
            }
        }
        if asAt == nil, let fy, let quarter { asAt = PeriodParser.quarterEnd(financialYear: fy, quarter: quarter) }
        let authority = AuthorityFinder().find(in: doc)
        return DocumentRow(docID: doc.source.docID, source: doc.source.source, authority: authority, title: title,
                           financialYear: fy, quarter: quarter, asAt: asAt, pages: doc.pageCount,
                           method: doc.method.rawValue)
    }

    static func isQuarterEnd(_ iso: String) -> Bool {
        ["-03-31", "-06-30", "-09-30", "-12-31"].contains { iso.hasSuffix($0) }
    }

    /// A title: the first heading or bold paragraph near the top that names a period,
    /// else the first heading or bold paragraph.
    func findTitle(_ paragraphs: [Paragraph], runningHeaders: [String]) -> String? {
        let candidates = paragraphs.filter { $0.text.count <= Limits.titleLength && $0.text.count >= Limits.shortestTitle }
        func clean(_ s: String) -> String {
            var t = s.replacing(rxAppendixLead, with: "")
            t = TextCleaner.collapseWhitespace(t)
            return t
        }
        func namesPeriod(_ s: String) -> Bool {
            PeriodParser.financialYear(in: s) != nil || s.matches(pattern: #"(?i)\bas at\b"#)
        }
        if let p = candidates.first(where: { ($0.headingLevel != nil || $0.bold) && namesPeriod($0.text) && Self.reportWordy($0.text) }) {
            return clean(p.text)
        }
        if let p = candidates.first(where: { namesPeriod($0.text) && Self.reportWordy($0.text) && $0.text.count <= Limits.plainTitleLength }) {
            // a run of title lines in one paragraph: keep the line naming the period
            if p.lines.count > 1, let line = p.lines.first(where: namesPeriod) { return clean(line) }
            return clean(p.text)
        }
        if let h = runningHeaders.first(where: namesPeriod) { return clean(h) }
        return candidates.first(where: { $0.headingLevel != nil || $0.bold }).map { clean($0.text) }
    }

    static func reportWordy(_ s: String) -> Bool {
        s.matches(pattern: #"(?i)\b(report|performance|plan|dashboard|scorecard|information|monitoring|progress|update|review|profile|quarter)"#)
    }

    /// The date after "as at" / "position at" / "as of".
    static func asAtDate(in text: String) -> String? {
        let ns = NSRange(text.startIndex..., in: text)
        guard let m = PatternCache.regex(#"(?i)\b(as at|as of|position at|at the end of)\b"#).firstMatch(in: text, range: ns),
              let r = Range(m.range, in: text) else { return nil }
        let after = String(text[r.upperBound...].prefix(Limits.asAtReach))
        return DateParser.find(in: after).first?.iso
    }

    /// The end date of a printed period range ("April 1st 2012 to June 30th 2012").
    static func rangeEnd(in text: String) -> String? {
        let dates = DateParser.find(in: text)
        guard dates.count >= Limits.rangeDates, text.matches(pattern: #"(?i)\bto\b|–|-"#) else { return nil }
        return dates[1].iso
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// An appendix label leading a title: `Appendix B - `, `APPENDIX 1: `.
nonisolated(unsafe) private let rxAppendixLead = /^(?i)appendix\s+[A-Z0-9]+\s*[-–:]\s*/
