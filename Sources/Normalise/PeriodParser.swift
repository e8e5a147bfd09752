import Foundation
import ScrutinyCore

/// Reads UK financial years (`2013/14`) and quarters (Q1 = April–June) from printed text.
public enum PeriodParser {
    /// An English council's financial year starts in April (month 4) and ends on 31 March;
    /// its quarters are April–June, July–September, October–December and January–March.
    public static let financialYearFirstMonth = 4

    /// The financial year a text names, as `YYYY/YY`: `2012-13`, `2012-2013`, `2013/2014` → `2013/14`;
    /// a doubled digit (`20012/13`) or a glued quarter digit (`32013/2014`) is repaired.
    /// A short pair (`24/25`, `17-18`) counts too when its second year follows its first
    /// (see `shortFinancialYear`).
    public static func financialYear(in text: String) -> String? {
        guard mayHoldYearPair(text) else { return nil }
        for m in text.matches(of: rxLongYearPair) {
            let a = String(m.output.a), b = String(m.output.b)
            // Skip dd/mm/yyyy dates: the first part must not continue a date.
            if let prev = text[..<m.range.lowerBound].last, prev == "/" || prev == "." || prev.isNumber { continue }
            if let start = startYear(a, consistentWith: b) {
                return label(startYear: start)
            }
        }
        return shortFinancialYear(in: text)
    }

    /// Councils print a financial year as two two-digit years (`Target 24/25`, `17/18: Quarter 3`,
    /// `2024-25` shortened to `24-25`). A pair counts only when the second year is the first plus
    /// one and the pair is not part of a date or a longer figure (`12/13/14`, `3.24/25`), so a
    /// ratio such as `12/40` is never a year.
    static func shortFinancialYear(in text: String) -> String? {
        guard text.utf8.contains(0x2F) || text.utf8.contains(0x2D) || text.utf8.contains(0xE2) else { return nil }
        for m in text.matches(of: rxShortYearPair) {
            guard let a = Int(m.output.a), let b = Int(m.output.b), (a + 1) % 100 == b else { continue }
            return label(startYear: a >= NormaliseTolerances.twoDigitYearPivot ? 1900 + a : 2000 + a)
        }
        return nil
    }

    /// The last day of the period a column header or row label names, or nil when the label
    /// is not a period: a month (`Jul-24`, `Apr 24`, `April 2024`, `Sept 2012`), a date
    /// (`30/06/2024`), a quarter with its year (`Q3 2024/25`, `Quarter 1 24/25`), a quarter
    /// alone (`Q2`, `Qtr 3`, read in `financialYear`), a month alone (`Apr`, in
    /// `financialYear`) or a financial year (`2023/24`, `23/24` → 31 March of its end year).
    /// Remembered across tables and documents: the same headers (`Q1 2013/14`, `2012/13`)
    /// recur in every table of a paper, and reading one took a fifth of extracting it.
    public static func periodEnd(ofLabel label: String, financialYear: String?) -> ISODate? {
        labelPeriodEnds.value(for: LabelInYear(label: label, financialYear: financialYear)) {
            workOutPeriodEnd(ofLabel: $0.label, financialYear: $0.financialYear)
        }
    }

    /// A header or row label and the financial year it is read in.
    struct LabelInYear: Hashable { let label: String; let financialYear: String? }
    /// Labels already read.
    static let labelPeriodEnds = BoundedMemo<LabelInYear, ISODate>(capacity: MemoCapacity.labels)

    /// `periodEnd(ofLabel:financialYear:)` worked out.
    static func workOutPeriodEnd(ofLabel label: String, financialYear: String?) -> ISODate? {
        let t = TextCleaner.collapseWhitespace(label).trimmingCharacters(in: RoleLexicon.periodLabelTrim)
        guard !t.isEmpty, t.count <= RoleLexicon.longestPeriodLabel else { return nil }
        if let d = DateParser.parse(t) { return d }
        // a month or quarter label opens with a letter; most labels asked about are figures
        let wordFirst = opensWithLetter(t)
        if wordFirst, let m = t.wholeMatch(of: rxMonthYearLabel), let mon = m["mon"]?.substring, let ys = m["y"]?.substring,
           let month = DateParser.monthNumber(String(mon)) {
            let y = DateParser.year(String(ys))
            return DateParser.isoDate(year: y, month: month, day: DateParser.daysIn(month: month, year: y))
        }
        if wordFirst, let m = t.wholeMatch(of: rxQuarterLabel) {
            let q = Int(m.output.q)!
            let fy = m.output.fy.flatMap { self.financialYear(in: String($0)) } ?? financialYear
            guard let fy else { return nil }
            return quarterEnd(financialYear: fy, quarter: q)
        }
        if wordFirst, let fy = financialYear, let m = t.wholeMatch(of: rxMonthAloneLabel), let mon = m["mon"]?.substring,
           let month = DateParser.monthNumber(String(mon)) {
            let start = Int(fy.prefix(4)) ?? 2000
            let y = month >= financialYearFirstMonth ? start : start + 1
            return DateParser.isoDate(year: y, month: month, day: DateParser.daysIn(month: month, year: y))
        }
        if t.wholeMatch(of: rxYearPairLabel) != nil, let fy = self.financialYear(in: t) {
            return String(format: "%04d-03-31", (Int(fy.prefix(4)) ?? 2000) + 1)
        }
        return nil
    }

    /// False when a text opens with an ASCII byte that is no letter (a digit, a sign, a
    /// bracket), so `rxMonthYearLabel`, `rxMonthAloneLabel` and `rxQuarterLabel`, which open
    /// with a month or quarter word, cannot match it whole; a byte outside ASCII says "maybe".
    static func opensWithLetter(_ t: String) -> Bool {
        guard let b = t.utf8.first else { return false }
        return b >= 0x80 || LayoutQuirks.isASCIILetter(b)
    }

    /// `YYYY/YY` for the year starting in April of `startYear`.
    static func label(startYear: Int) -> String {
        String(format: "%04d/%02d", startYear, (startYear + 1) % 100)
    }

    /// The start year of a printed pair, trying the printed digits and, for five digits,
    /// each way of dropping one so that the end year follows it.
    static func startYear(_ a: String, consistentWith b: String) -> Int? {
        var candidates: [String] = []
        if a.count == 4 { candidates = [a] } else {
            let chars = Array(a)
            for i in chars.indices { var c = chars; c.remove(at: i); candidates.append(String(c)) }
        }
        guard let end = Int(b) else { return nil }
        for c in candidates {
            guard let s = Int(c), (1990...2099).contains(s) else { continue }
            if b.count == 2 ? (s + 1) % 100 == end : s + 1 == end { return s }
        }
        return nil
    }

    /// The quarter a text names: `Quarter 1`, `Q3`, `Qtr 1`, `quarter 32013/2014` → 3, `third quarter`.
    public static func quarter(in text: String) -> Int? {
        // every form below spells a `q` (`Quarter`, `Qtr`, `Q3`, `third quarter`)
        guard text.utf8.contains(where: { $0 == 0x51 || $0 == 0x71 }) else { return nil }
        let fixed = LayoutQuirks.fixGluedQuarterYear(text)
        let cues = quarterCues(fixed)
        if cues.number, let m = fixed.firstMatch(of: rxQuarterWordNumber) { return Int(m.output.n) }
        if cues.number, let m = fixed.firstMatch(of: rxQuarterLetterNumber) { return Int(m.output.n) }
        let words = ["first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4]
        guard cues.word else { return nil }
        if let m = fixed.firstMatch(of: rxOrdinalQuarter) {
            return words[m.output.w.lowercased()]
        }
        let spelled = ["one": 1, "two": 2, "three": 3, "four": 4]
        if let m = fixed.firstMatch(of: rxQuarterSpelledNumber) {
            return spelled[m.output.w.lowercased()]
        }
        return nil
    }

    /// Which quarter expressions a text may match. `number` (`rxQuarterWordNumber`,
    /// `rxQuarterLetterNumber`): a `q`, the rest of a word's letters, an optional `.`, white
    /// space, then a quarter digit `1`–`4`; `word` (`rxOrdinalQuarter`,
    /// `rxQuarterSpelledNumber`): `quarter` in any case. No character outside ASCII
    /// lower-cases to these letters; one met where white space or the digit may be says
    /// "maybe". A test checks a "no" is never wrong.
    static func quarterCues(_ text: String) -> (number: Bool, word: Bool) {
        let b = Array(text.utf8)
        var number = false, word = false
        let quarter = Array("quarter".utf8)
        for i in b.indices where b[i] | 0x20 == 0x71 {
            if !word, i + quarter.count <= b.count,
               zip(b[i..<(i + quarter.count)], quarter).allSatisfy({ $0 | 0x20 == $1 }) { word = true }
            if !number {
                var j = i + 1
                while j < b.count, (b[j] | 0x20) >= 0x61, (b[j] | 0x20) <= 0x7A { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: ".") { j += 1 }
                while j < b.count, b[j] == 0x20 || (b[j] >= 0x09 && b[j] <= 0x0D) { j += 1 }
                if j < b.count, b[j] >= 0x80 || (b[j] >= 0x31 && b[j] <= 0x34) { number = true }
            }
            if number && word { break }
        }
        return (number, word)
    }

    /// False for a text no year pair can be read from (`rxLongYearPair`, `rxShortYearPair`):
    /// each needs a separator (`/`, `-`, `–`) with a digit beside it on both sides, across
    /// at most one white space. A byte outside ASCII beside it may be either, so says "maybe".
    static func mayHoldYearPair(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digitish(_ i: Int) -> Bool { i >= 0 && i < b.count && (b[i] >= 0x80 || (b[i] >= 0x30 && b[i] <= 0x39)) }
        func spaceish(_ i: Int) -> Bool { i >= 0 && i < b.count && (b[i] >= 0x80 || b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D)) }
        var i = 0
        while i < b.count {
            var length = 0
            if b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: "-") { length = 1 }
            else if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x93 { length = 3 }  // –
            if length > 0 {
                let left = digitish(i - 1) || (spaceish(i - 1) && digitish(i - 2))
                let right = digitish(i + length) || (spaceish(i + length) && digitish(i + length + 1))
                if left && right { return true }
            }
            i += max(length, 1)
        }
        return false
    }

    /// The financial year and quarter an ISO date falls in (Q1 = April–June … Q4 = January–March).
    public static func quarter(of date: ISODate) -> (financialYear: String, quarter: Int) {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let year = parts.count > 0 ? parts[0] : 2000
        let month = parts.count > 1 ? parts[1] : 4
        let start = month >= financialYearFirstMonth ? year : year - 1
        let q = month >= financialYearFirstMonth ? (month - financialYearFirstMonth) / 3 + 1 : 4
        return (label(startYear: start), q)
    }

    /// The ISO last day of a quarter of a financial year (`2012/13`, 1 → `2012-06-30`).
    public static func quarterEnd(financialYear: String, quarter: Int) -> String {
        let start = Int(financialYear.prefix(4)) ?? 2000
        switch quarter {
        case 1: return String(format: "%04d-06-30", start)
        case 2: return String(format: "%04d-09-30", start)
        case 3: return String(format: "%04d-12-31", start)
        default: return String(format: "%04d-03-31", start + 1)
        }
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A year of four (or a doubled five) digits, a separator and a second year: `2012/13`, `2012-2013`, `20012/13`.
nonisolated(unsafe) let rxLongYearPair = /(?<a>\d{4,5})\s?[\/\-–]\s?(?<b>\d{4}|\d{2})(?!\d)/
nonisolated(unsafe) let rxShortYearPair = /(?:^|[^\d\/.,])(?<a>\d{2})\s?[\/\-–]\s?(?<b>\d{2})(?![\d\/.,%]|\s?(?:[\/\-]\d))/
nonisolated(unsafe) let rxMonthYearLabel = try! Regex(#"(?i)"# + DateParser.monthPattern + #"[\s\-'’]*(?<y>(?:19|20)\d{2}|\d{2})"#)
nonisolated(unsafe) let rxMonthAloneLabel = try! Regex(#"(?i)"# + DateParser.monthPattern)
nonisolated(unsafe) let rxQuarterLabel = /(?i)(?:q|qtr|quarter)\s?(?<q>[1-4])(?:\s*[,\-–]?\s*(?<fy>(?:19|20)?\d{2}\s?[\/\-–]\s?(?:19|20)?\d{2}))?/
nonisolated(unsafe) let rxYearPairLabel = /(?i)(?:fy\s?)?(?:19|20)?\d{2}\s?[\/\-–]\s?(?:19|20)?\d{2}/
/// `Quarter 1`, `Qtr 3`, `Qr. 2`: a quarter word and its number.
nonisolated(unsafe) let rxQuarterWordNumber = /(?i)\b(?:quarter|qtr|qr)\.?\s*(?<n>[1-4])(?!\d)/
/// `Q3`, `q1`: a quarter letter and its number.
nonisolated(unsafe) let rxQuarterLetterNumber = /\b[Qq](?<n>[1-4])\b/
/// `third quarter`, `2nd quarter`, `final quarter`.
nonisolated(unsafe) let rxOrdinalQuarter = /(?i)\b(?<w>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter\b/
/// `quarter one` … `quarter four`.
nonisolated(unsafe) let rxQuarterSpelledNumber = /(?i)\bquarter\s+(?<w>one|two|three|four)\b/
