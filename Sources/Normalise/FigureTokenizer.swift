import Foundation
import ScrutinyCore

/// One number found in a cell, with the marks printed around it.
struct FigureToken: Sendable, Hashable {
    var value: Double
    var currency: Bool
    var percent: Bool
    /// The multiplier of a `k`, `m` or `bn` suffix (1 when none).
    var multiplier: Double
    var hasSuffix: Bool
    /// A ratio `a/b` printed as a fraction.
    var isFraction: Bool
    /// True when the number sits inside brackets.
    var bracketed: Bool
    var range: Range<String.Index>

    func figure(scale: Double, moneyContext: Bool) -> Figure {
        if percent { return Figure(value: value, unit: .percent) }
        let v = value * multiplier
        if currency { return Figure(value: rounded(v * scale), unit: .money) }
        if moneyContext { return Figure(value: rounded(v * scale), unit: .money) }
        return Figure(value: rounded(v * scale), unit: .number)
    }

    private func rounded(_ v: Double) -> Double {
        // Keep products such as 4.505 × 1,000,000 whole.
        let r = (v * 1_000_000).rounded() / 1_000_000
        return abs(r - r.rounded()) < 1e-6 ? r.rounded() : r
    }
}

/// Finds the numbers in a cell, ignoring dates, years, bracketed notes and unit phrases.
enum FigureTokenizer {
    /// A number with the marks printed around it (ICU, compiled once: it runs on every cell).
    static let number = #"(?<open>\()?(?<sign>[-−–])?(?<cur>£)?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s?(?<suf>%|bn\b|mn\b|m\b|k\b|million\b|billion\b|thousand\b))?(?<frac>\s?\/\s?\d[\d,]*(?:\.\d+)?)?(?<close>\))?"#

    /// `number` compiled once per thread (not looked up by its text in `PatternCache` per cell).
    static let numberRegex = PerThread { try! NSRegularExpression(pattern: number) }

    /// The capture groups of `number`, by their number: `range(at:)` is a lookup where
    /// `range(withName:)` asked ICU for the name's number on every call (eight per match).
    enum NumberGroup: Int { case open = 1, sign, cur, num, suf, frac, close }

    static func tokens(in text: String) -> [FigureToken] {
        let masked = mask(text)
        var result: [FigureToken] = []
        guard masked.contains(where: \.isNumber) else { return [] }
        let whole = NSRange(masked.startIndex..., in: masked)
        for m in numberRegex.value.matches(in: masked, range: whole) {
            func group(_ name: NumberGroup) -> Range<String.Index>? {
                let r = m.range(at: name.rawValue)
                return r.location == NSNotFound ? nil : Range(r, in: masked)
            }
            guard let numRange = group(.num), let matchRange = Range(m.range, in: masked) else { continue }
            // the number holds digits, `,` and `.` only: its commas (if any) go scalar by scalar
            let printed = masked[numRange]
            let raw = printed.utf8.contains(UInt8(ascii: ","))
                ? String(String.UnicodeScalarView(printed.unicodeScalars.filter { $0 != "," })) : String(printed)
            guard var value = Double(raw) else { continue }
            let suf = group(.suf).map { masked[$0] }
            let hasFraction = group(.frac) != nil
            let open = group(.open) != nil, close = group(.close) != nil
            let accountingNegative = open && close && suf == nil && !hasFraction
            var negative = accountingNegative
            if let sign = group(.sign) {
                // A sign touches its number and follows a space, a bracket or the start;
                // a dash between words is a separator (`December - 56`, `5-6`).
                let before = masked[..<sign.lowerBound].last
                negative = before == nil || before!.isWhitespace || before == "(" || before == ":" || before == "="
            }
            if negative { value = -value }
            let suffix = suf.map { String($0).lowercased() }
            var multiplier = 1.0
            switch suffix {
            case "k", "thousand": multiplier = 1000
            case "m", "mn", "million": multiplier = 1_000_000
            case "bn", "billion": multiplier = 1_000_000_000
            default: break
            }
            let bracketed = (open && !accountingNegative) || isInsideBrackets(masked, matchRange.lowerBound)
            result.append(FigureToken(value: value, currency: group(.cur) != nil, percent: suffix == "%",
                                      multiplier: multiplier, hasSuffix: suffix != nil && suffix != "%",
                                      isFraction: hasFraction, bracketed: bracketed, range: matchRange))
        }
        return result
    }

    /// Whether an unclosed `(` precedes the index.
    static func isInsideBrackets(_ s: String, _ i: String.Index) -> Bool {
        var depth = 0
        for ch in s[..<i] {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// Which of the masking expressions' letters an ASCII-case-insensitive text holds: a
    /// month's first three letters (`dayMonth`, `monthDay`), a `q` (`quarterName`), `per`
    /// (`perRate`). A "no" is certain: case-insensitive matching compares lower-cased
    /// characters, and no character outside ASCII lower-cases to one of these letters.
    static func letterCues(_ bytes: String.UTF8View) -> (month: Bool, q: Bool, per: Bool) {
        var month = false, q = false, per = false
        var a: UInt8 = 0, b: UInt8 = 0
        for c in bytes {
            let l = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            if l == 0x71 { q = true }
            if !per, a == 0x70, b == 0x65, l == 0x72 { per = true }
            if !month, DateParser.monthPrefixes.contains(where: { $0 == (a, b, l) }) { month = true }
            a = b; b = l
        }
        return (month, q, per)
    }

    static let month = #"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"#
    nonisolated(unsafe) static let dayMonth = try! Regex(#"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+"# + month + #"(?:\s*,?\s*\d{2,4})?"#, as: Substring.self)
    nonisolated(unsafe) static let monthDay = try! Regex(#"(?i)\b"# + month + #"\s+\d{1,4}(?:st|nd|rd|th)?(?:\s*,?\s*\d{4})?"#, as: Substring.self)

    nonisolated(unsafe) static let numericDate = /\b\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}\b/
    nonisolated(unsafe) static let isoDate = /\b\d{4}-\d{2}-\d{2}\b/
    nonisolated(unsafe) static let yearPair = /\b(?:19|20)\d{2}\s?[\/\-–]\s?(?:19|20)?\d{2}\b/
    nonisolated(unsafe) static let quarterName = /(?i)\b(?:quarter|qtr|q)\s?[1-4]\b|\b[1-4](?:st|nd|rd|th)\s+quarter\b/
    nonisolated(unsafe) static let perRate = /(?i)\bper\s+(?:\d{1,3}(?:,\d{3})+|\d+)\s?k?\b/
    nonisolated(unsafe) static let bracketed = /\((?<inner>[^()]*)\)/

    /// Blanks out text that is not a figure of the measure: bracketed notes with words
    /// (`(July 12)`, `(All Teams)`), dates, financial years, unit phrases (`per 10,000`).
    static func mask(_ text: String) -> String {
        var s = text
        guard s.contains(where: \.isNumber) else { return s }
        let blank: (Substring) -> String = { String(repeating: " ", count: $0.count) }
        // Each pattern below needs a character most figure cells lack (a letter, a date's
        // separators, a bracket): a cell without it is left alone without running the pattern.
        let bytes = s.utf8
        let hasLetter = bytes.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        let dashes = bytes.contains(UInt8(ascii: "-")) || bytes.contains(0xE2) && s.contains("–")
        let separators = bytes.lazy.filter { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }.count
        // Dates and periods.
        if separators >= 2 { s = s.replacing(Self.numericDate) { blank($0.output) } }
        if dashes { s = s.replacing(Self.isoDate) { blank($0.output) } }
        if dashes || s.utf8.contains(UInt8(ascii: "/")) { s = s.replacing(Self.yearPair) { blank($0.output) } }
        if hasLetter {
            // each needs its letters (a month's first three, a `q`, `per`), which no other
            // character lower-cases to and blanking never makes
            let words = Self.letterCues(bytes)
            if words.month {
                s = s.replacing(Self.dayMonth) { blank($0.output) }
                s = s.replacing(Self.monthDay) { blank($0.output) }
            }
            if words.q { s = s.replacing(Self.quarterName) { blank($0.output) } }
            // Unit phrases and rates that carry their own numbers.
            if words.per { s = s.replacing(Self.perRate) { blank($0.output) } }
        }
        // Bracketed notes made of words (no %, £ or bare figure of the measure).
        guard s.utf8.contains(UInt8(ascii: "(")) else { return s }
        s = s.replacing(Self.bracketed) { m in
            let inner = m.output.inner
            let hasLetters = inner.contains(where: { $0.isLetter })
            let hasMeasure = inner.contains("%") || inner.contains("£")
            return hasLetters && !hasMeasure ? blank(m.output.0) : String(m.output.0)
        }
        return s
    }
}
