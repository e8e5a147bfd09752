import Foundation
import ScrutinyCore

/// Reads printed dates (`30/04/12`, `December 31st 2012`, `31 Dec 2012`, `2012-06-30`) as ISO `yyyy-MM-dd`.
public enum DateParser {
    /// The ISO date a string holds when the whole string (bar punctuation) is one date; nil otherwise.
    ///
    /// Remembered: the same headers and cells (`30/06/2013`, `Q1 2013/14`) are asked about
    /// in every table of a paper, and each asking ran the date expressions.
    public static func parse(_ s: String) -> String? {
        parsedTexts.value(for: s, compute: workOutParse)
    }

    /// Texts already parsed.
    static let parsedTexts = BoundedMemo<String, ISODate>(capacity: MemoCapacity.labels)

    /// `parse(_:)` worked out.
    static func workOutParse(_ s: String) -> String? {
        let t = TextCleaner.collapseWhitespace(s).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:()[]"))
        guard !t.isEmpty else { return nil }
        let found = find(in: t)
        guard found.count == 1, found[0].text.count == t.count else { return nil }
        return found[0].iso
    }

    /// Every date printed in a piece of prose, in order, with the text as printed.
    public static func find(in text: String) -> [(text: String, iso: String)] {
        guard text.contains(where: \.isNumber) else { return [] }
        var hits: [(range: Range<String.Index>, iso: String)] = []
        func add(_ range: Range<String.Index>, _ y: Int, _ m: Int, _ d: Int) {
            guard let iso = isoDate(year: y, month: m, day: d) else { return }
            if hits.contains(where: { $0.range.overlaps(range) }) { return }
            hits.append((range, iso))
        }
        // Byte prefilters: each form needs its separator, the named forms a month name; a
        // text that cannot match a form is not searched for it (the hits are the same).
        let bytes = text.utf8
        let separated = Self.digitSeparatorDigit(bytes)
        // 2012-06-30
        if separated.hyphen {
            for m in text.matches(of: Self.isoForm) {
                add(m.range, Int(m.output.y)!, Int(m.output.m)!, Int(m.output.d)!)
            }
        }
        // 30/04/12, 30/04/2012, 30.04.2012, 30-04-2012
        if separated.any {
            for m in text.matches(of: Self.numericForm) {
                add(m.range, year(String(m.output.y)), Int(m.output.m)!, Int(m.output.d)!)
            }
        }
        // a named month's forms are looked for only around a month name with the digits they need
        let named = Self.mayNameMonth(bytes) ? Self.namedMonthForms(text) : (dayFirst: false, monthFirst: false)
        // 31st December 2012, 31 Dec 2012, 1st of April 2012
        if named.dayFirst {
            for m in text.matches(of: Self.dayFirst) {
                guard let d = m["d"]?.substring, let mon = m["mon"]?.substring, let y = m["y"]?.substring,
                      let mm = monthNumber(String(mon)) else { continue }
                add(m.range, Int(y)!, mm, Int(d)!)
            }
        }
        // December 31st 2012, June 30th, 2012
        for m in named.monthFirst ? text.matches(of: Self.monthFirst) : [] {
            guard let d = m["d"]?.substring, let mon = m["mon"]?.substring, let y = m["y"]?.substring,
                  let mm = monthNumber(String(mon)) else { continue }
            add(m.range, Int(y)!, mm, Int(d)!)
        }
        return hits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { (String(text[$0.range]), $0.iso) }
    }

    /// Whether a text has a digit, a numeric date's separator (`-`, `/`, `.`) and a digit in a
    /// row, which `isoForm` (`hyphen`) and `numericForm` (`any`) need. A byte of a non-ASCII
    /// character counts as a digit on either side (`\d` matches other scripts' digits), so
    /// the answer is never "no" for a text the expressions would match.
    static func digitSeparatorDigit(_ bytes: String.UTF8View) -> (hyphen: Bool, any: Bool) {
        var hyphen = false, any = false
        var before: UInt8 = 0, separator: UInt8 = 0
        for c in bytes {
            let digitLike = (c >= 0x30 && c <= 0x39) || c >= 0x80
            if separator != 0, digitLike {
                any = true
                if separator == 0x2D { hyphen = true; break }
            }
            let beforeDigitLike = (before >= 0x30 && before <= 0x39) || before >= 0x80
            separator = (c == 0x2D || c == 0x2F || c == 0x2E) && beforeDigitLike ? c : 0
            before = c
        }
        return (hyphen, any)
    }

    /// Whether a text may hold a month name (for `dayFirst` / `monthFirst`): false only for
    /// an all-ASCII text without four ASCII digits in a row or without any month's first
    /// three letters in either case. Non-ASCII text always may (case-insensitive matching
    /// folds a few non-ASCII letters, `ſ` for `s`, and `\d` matches other digits).
    static func mayNameMonth(_ bytes: String.UTF8View) -> Bool {
        var run = 0, fourDigits = false
        var a: UInt8 = 0, b: UInt8 = 0, found = false
        for c in bytes {
            if c >= 0x80 { return true }
            if c >= 0x30 && c <= 0x39 { run += 1; if run >= 4 { fourDigits = true } } else { run = 0 }
            let l = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            if !found {
                switch (a, b, l) {
                case (0x6A, 0x61, 0x6E), (0x66, 0x65, 0x62), (0x6D, 0x61, 0x72), (0x61, 0x70, 0x72), (0x6D, 0x61, 0x79),
                     (0x6A, 0x75, 0x6E), (0x6A, 0x75, 0x6C), (0x61, 0x75, 0x67), (0x73, 0x65, 0x70), (0x6F, 0x63, 0x74),
                     (0x6E, 0x6F, 0x76), (0x64, 0x65, 0x63):
                    found = true
                default: break
                }
            }
            a = b; b = l
        }
        return fourDigits && found
    }

    /// Which named-month forms a text may hold: `dayFirst` needs a month name with a digit
    /// before it (across letters and white space: `31st of March`) and a run of
    /// `yearDigits` digits after it (across the rest of the name, `.`, `,` and white space);
    /// `monthFirst` needs a month name followed (across letters, `.` and white space) by a
    /// day of at most `dayDigits` digits and then a year run, or by one run of a day and a
    /// year glued. A "no" is certain: the scan reads scalars, and any scalar it cannot rule
    /// out (one outside ASCII and not among `plainNonASCII`: another script's digit or space,
    /// a letter case-folding to ASCII, a combining mark) met where it looks makes the answer
    /// "maybe" — so a text the expressions would match is never skipped (a test checks this).
    static func namedMonthForms(_ text: String) -> (dayFirst: Bool, monthFirst: Bool) {
        // one byte per scalar: ASCII as itself, a plain non-ASCII scalar as `other`, the rest `unknown`
        let other: UInt8 = 0x01, unknown: UInt8 = 0xFF
        let s: [UInt8] = text.unicodeScalars.map { u in
            if u.value < 0x80 { return (0x1C...0x1F).contains(u.value) ? unknown : UInt8(u.value) }
            return plainNonASCII.contains(u.value) ? other : unknown
        }
        let n = s.count
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        /// Past the scalars from `i` that pass `test`.
        func skip(_ i: Int, _ test: (UInt8) -> Bool) -> Int { var i = i; while i < n, test(s[i]) { i += 1 }; return i }
        /// Whether the scalar at `i` is one the scan cannot rule out.
        func unsure(_ i: Int) -> Bool { i < n && s[i] == unknown }
        var dayFirst = false, monthFirst = false
        var p = 0
        while p + 3 <= n, !(dayFirst && monthFirst) {
            defer { p += 1 }
            // a month's first three letters (no scalar outside ASCII lower-cases to one of them)
            let prefix = (s[p] | 0x20, s[p + 1] | 0x20, s[p + 2] | 0x20)
            guard isLetter(s[p]), isLetter(s[p + 1]), isLetter(s[p + 2]),
                  monthPrefixes.contains(where: { $0 == prefix }) else { continue }
            // the rest of the name's letters, then its optional `.`
            let name = skip(p + 3, isLetter)
            let dot = name < n && s[name] == 0x2E ? name + 1 : name
            // day first: a digit before the name (across an ordinal, `of` and white space) …
            var k = p - 1
            while k >= 0, isLetter(s[k]) || isSpace(s[k]) { k -= 1 }
            if k >= 0, isDigit(s[k]) || s[k] == unknown {
                // … and a year after it, across an optional `,` and white space
                let year = skip(dot < n && s[dot] == 0x2C ? dot + 1 : dot, isSpace)
                if unsure(year) { return (true, true) }
                let end = skip(year, isDigit)
                if end - year >= yearDigits || unsure(end) { dayFirst = true }
            }
            // month first: white space, a day (one or two digits) …
            let day = skip(dot, isSpace)
            if unsure(day) { return (true, true) }
            let dayEnd = skip(day, isDigit)
            if unsure(dayEnd) { return (true, true) }
            let digits = dayEnd - day
            // … glued to the year (`Dec 312012`), or after an ordinal, `,` and white space
            if digits >= dayDigits + yearDigits - 1 { monthFirst = true; continue }
            guard digits >= 1, digits <= dayDigits else { continue }
            let ordinal = skip(dayEnd, isLetter)
            let year = skip(ordinal < n && s[ordinal] == 0x2C ? ordinal + 1 : ordinal, isSpace)
            if unsure(year) { return (true, true) }
            let end = skip(year, isDigit)
            if end - year >= yearDigits || unsure(end) { monthFirst = true }
        }
        return (dayFirst, monthFirst)
    }

    /// Digits of a year and, at most, of a day, in the named-month forms.
    static let yearDigits = 4, dayDigits = 2
    /// The first three letters of each month, lower case (every spelling in `monthPattern` starts with one).
    static let monthPrefixes: [(UInt8, UInt8, UInt8)] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { name in let b = Array(name.utf8); return (b[0], b[1], b[2]) }
    /// Non-ASCII scalars common in papers that no part of a date expression matches: not a
    /// letter, digit or white space, not a combining mark (quotes, dashes, bullets, currency).
    static let plainNonASCII: Set<UInt32> = [0x2019, 0x2018, 0x201C, 0x201D, 0x2013, 0x2014, 0x2022, 0xA3, 0x20AC, 0x2026, 0xB7]

    nonisolated(unsafe) static let isoForm = /\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b/
    nonisolated(unsafe) static let numericForm = /\b(?<d>\d{1,2})(?<sep>[\/.\-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?!\d)/
    static let monthPattern = #"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
    nonisolated(unsafe) static let dayFirst = try! Regex(#"(?i)\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?"# + monthPattern + #",?\s*(?<y>\d{4})\b"#)
    nonisolated(unsafe) static let monthFirst = try! Regex(#"(?i)\b"# + monthPattern + #"\s*(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s*(?<y>\d{4})\b"#)

    /// A two-digit year is read as 20yy below `NormaliseTolerances.twoDigitYearPivot`, else 19yy.
    static func year(_ s: String) -> Int {
        let y = Int(s)!
        if s.count == 2 { return y < NormaliseTolerances.twoDigitYearPivot ? 2000 + y : 1900 + y }
        return y
    }

    /// 1–12 for an English month name or its abbreviation.
    static func monthNumber(_ s: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let key = String(s.lowercased().prefix(3))
        return names.firstIndex(of: key).map { $0 + 1 }
    }

    /// The ISO form of a calendar date, nil when it does not exist.
    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), (1900...2199).contains(year)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int { CalendarDays.daysIn(month: month, year: year) }
}
