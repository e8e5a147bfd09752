import Foundation

/// Repairs text-extraction artefacts: glued quarter digits, words split by a cell boundary,
/// field labels run into the previous value, list numbering on titles.
public enum LayoutQuirks {
    /// `Quarter 32013/2014` → `Quarter 3 2013/2014`, `Q32013/14` → `Q3 2013/14`; a real year is never touched.
    public static func fixGluedQuarterYear(_ s: String) -> String {
        // the byte scan first: it rules out most texts, which the character scan reads slowly
        guard mayGlueQuarter(s), s.contains(where: \.isNumber) else { return s }
        return s.replacing(rxQuarterGluedToYear) { m in
            "\(m.output.label)\(m.output.sp)\(m.output.q) \(m.output.year)"
        }.replacing(rxQuarterGlued) { m in "\(m.output.label) \(m.output.q)" }
    }

    /// False for a text neither glued-quarter expression can match: each needs a `q` or `Q`
    /// (no other character lower-cases to it), then the rest of a label's letters, white
    /// space, and a quarter digit `1`–`4`. A byte outside ASCII met after a `q` may be white
    /// space or part of a digit, so it says "maybe"; a test checks the scan never says "no"
    /// to a text either expression matches.
    static func mayGlueQuarter(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            defer { i += 1 }
            guard b[i] | 0x20 == 0x71 else { continue }
            var j = i + 1
            while j < b.count, (b[j] | 0x20) >= 0x61, (b[j] | 0x20) <= 0x7A { j += 1 }
            while j < b.count, b[j] == 0x20 || (b[j] >= 0x09 && b[j] <= 0x0D) { j += 1 }
            if j < b.count, b[j] >= 0x80 || (b[j] >= 0x31 && b[j] <= 0x34) { return true }
        }
        return false
    }

    /// Words often split across a cell boundary in committee papers.
    public static let reportWords: Set<String> = [
        "quarter", "quarterly", "report", "reports", "performance", "target", "targets", "actual", "actuals",
        "indicator", "indicators", "polarity", "owner", "comments", "comment", "commentary", "unit", "measure",
        "measures", "previous", "value", "current", "similar", "authorities", "national", "average", "status",
        "trend", "direction", "travel", "progress", "activities", "activity", "officer", "lead", "budget",
        "forecast", "variance", "revenue", "capital", "outturn", "annual", "monthly", "children", "young",
        "people", "services", "service", "council", "committee", "scrutiny", "overview", "summary", "appendix",
        "objective", "priority", "dashboard", "profile", "improvement", "plan", "financial", "year", "latest",
        "author", "subject", "bigger", "smaller", "better", "symbol", "corporate", "period", "periods", "data",
        "information", "comparator", "comparators", "benchmark", "baseline", "tolerance", "floor", "december",
        "september", "november", "october", "january", "february", "march", "april", "june", "july", "august",
    ]

    /// Joins two fragments of a word split by a cell boundary (`Performance Rep` + `ort` →
    /// `Performance Report`) when the last word of `left` and first word of `right` make a report word.
    public static func joinSplitWord(_ left: String, _ right: String) -> String? {
        guard mayJoinAtEdges(left, right) else { return nil }
        // Whitespace at the join is trimmed; an ASCII non-space end byte means there is none.
        let l = Self.asciiNonSpace(left.utf8.last) ? left : left.replacing(rxTrailingWhitespace, with: "")
        let r = Self.asciiNonSpace(right.utf8.first) ? right : right.replacing(rxLeadingWhitespace, with: "")
        guard let lastL = lastWord(l), let firstR = firstWord(r), isAllLetters(lastL) else { return nil }
        let rWord = leadingLetters(firstR)
        guard !rWord.isEmpty else { return nil }
        let joined = (lastL + rWord).lowercased()
        guard reportWords.contains(joined) else { return nil }
        // Both halves must not already be words of their own in the list.
        if reportWords.contains(lastL.lowercased()) && reportWords.contains(rWord.lowercased()) { return nil }
        return l + r
    }

    /// The last space-separated word of a text (`split(separator: " ").last`). In ASCII
    /// text every character but `\r\n` is one byte and a space is the byte 0x20, so the word
    /// is found in the bytes, from the end; other text is split by characters.
    static func lastWord(_ s: String) -> Substring? {
        let u = s.utf8
        guard isASCII(u) else { return s.split(separator: " ").last }
        guard let last = u.lastIndex(where: { $0 != 0x20 }) else { return nil }
        let start = u[..<last].lastIndex(of: 0x20).map { u.index(after: $0) } ?? u.startIndex
        return s[start..<u.index(after: last)]
    }

    /// The first space-separated word of a text (`split(separator: " ").first`), found in
    /// the bytes of ASCII text (see `lastWord`).
    static func firstWord(_ s: String) -> Substring? {
        let u = s.utf8
        guard isASCII(u) else { return s.split(separator: " ").first }
        guard let start = u.firstIndex(where: { $0 != 0x20 }) else { return nil }
        return s[start..<(u[start...].firstIndex(of: 0x20) ?? u.endIndex)]
    }

    /// Whether every character of a word is a letter (`allSatisfy(\.isLetter)`); in ASCII
    /// the letters are the bytes A–Z and a–z.
    static func isAllLetters(_ w: Substring) -> Bool {
        isASCII(w.utf8) ? w.utf8.allSatisfy(isASCIILetter) : w.allSatisfy(\.isLetter)
    }

    /// The letters a word opens with (`prefix(while: \.isLetter)`), by bytes in ASCII.
    static func leadingLetters(_ w: Substring) -> Substring {
        let u = w.utf8
        guard isASCII(u) else { return w.prefix(while: \.isLetter) }
        return w[..<(u.firstIndex(where: { !isASCIILetter($0) }) ?? u.endIndex)]
    }

    /// Whether every byte is ASCII.
    static func isASCII<U: Collection<UInt8>>(_ bytes: U) -> Bool { bytes.allSatisfy { $0 < 0x80 } }
    /// Whether a byte is an ASCII letter (A–Z, a–z).
    public static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// False when the characters at the join are certainly no letters, so `joinSplitWord`
    /// finds no word: `left` ends (or `right` starts) with a printable ASCII byte that is no
    /// letter, beside another ASCII byte (so the character is that byte alone, not one with a
    /// combining mark). Anything else, white space at the join included, says "maybe".
    static func mayJoinAtEdges(_ left: String, _ right: String) -> Bool {
        func certainNonLetter(_ edge: UInt8?, _ beside: UInt8?) -> Bool {
            guard let edge, asciiNonSpace(edge), (beside ?? 0) < 0x80 else { return false }
            return !isASCIILetter(edge)
        }
        let l = left.utf8, r = right.utf8
        if certainNonLetter(l.last, l.dropLast().last) { return false }
        if certainNonLetter(r.first, r.dropFirst().first) { return false }
        return true
    }

    /// A printable ASCII byte (never whitespace, so `\s` cannot match it).
    static func asciiNonSpace(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return b > 0x20 && b < 0x7F
    }

    /// Field labels of indicator exports, for `splitFieldFragment`.
    public static let fieldLabels = ["Polarity", "Unit", "Owner", "Comment Author", "Comment Subject",
                                     "Latest Comments", "Target", "Actual", "Status", "Lead Officer", "Code"]

    /// Splits a trailing start of a field label off a value: `Carrie Forrester Po` → (`Carrie Forrester`, `Po`).
    /// `nextLabel` (e.g. `Polarity:`) is the label printed on the next line; when nil, the known labels are tried.
    public static func splitFieldFragment(_ s: String, nextLabel: String? = nil) -> (value: String, fragment: String?) {
        let t = TextCleaner.collapseWhitespace(s)
        guard let space = t.lastIndex(of: " ") else { return (t, nil) }
        let tail = String(t[t.index(after: space)...])
        let head = String(t[..<space])
        guard tail.count >= 2, tail.first?.isUppercase == true, tail.allSatisfy({ $0.isLetter }) else { return (t, nil) }
        let labels = nextLabel.map { [$0.trimmingCharacters(in: CharacterSet(charactersIn: " :"))] } ?? fieldLabels
        for label in labels where label.count > tail.count || label == tail {
            if label.lowercased().hasPrefix(tail.lowercased()) { return (head, tail) }
        }
        return (t, nil)
    }

    /// Cleans a title: drops leading list numbering (`1. `, `a) `), a trailing ` -` or `:`, collapses whitespace.
    public static func cleanTitle(_ s: String) -> String {
        var t = TextCleaner.collapseWhitespace(s)
        t = t.replacing(rxListNumbering, with: "")
        t = t.replacing(rxTrailingDashOrColon, with: "")
        return TextCleaner.collapseWhitespace(t)
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// `Quarter1 Forecast`: the word and its number run together (the space lost in layout or OCR).
nonisolated(unsafe) let rxQuarterGlued = /(?i)\b(?<label>quarter|qtr)(?<q>[1-4])\b/
/// A quarter number run into the year after it: `Quarter 32013/2014`, `Q32013/14`.
nonisolated(unsafe) let rxQuarterGluedToYear = /(?i)\b(?<label>quarter|qtr|q)(?<sp>\s*)(?<q>[1-4])(?<year>(?:19|20)\d{2})(?=\s?[\/\-–]\s?\d{2})/
/// Whitespace at the end.
nonisolated(unsafe) private let rxTrailingWhitespace = /\s+$/
/// Whitespace at the start.
nonisolated(unsafe) private let rxLeadingWhitespace = /^\s+/
/// List numbering leading a title: `1. `, `a) `, `iv. `.
nonisolated(unsafe) private let rxListNumbering = /^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[ivx]+[.)])\s+/
/// A dash or colon ending a title: ` -`, `:`.
nonisolated(unsafe) private let rxTrailingDashOrColon = /\s*[-–:]+\s*$/
