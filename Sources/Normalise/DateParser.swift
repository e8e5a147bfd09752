import Foundation

/// Reads printed dates (`30/04/12`, `December 31st 2012`, `31 Dec 2012`, `2012-06-30`) as ISO `yyyy-MM-dd`.
public enum DateParser {
    /// The ISO date a string holds when the whole string (bar punctuation) is one date; nil otherwise.
    public static func parse(_ s: String) -> String? {
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
        // 2012-06-30
        for m in text.matches(of: Self.isoForm) {
            add(m.range, Int(m.output.y)!, Int(m.output.m)!, Int(m.output.d)!)
        }
        // 30/04/12, 30/04/2012, 30.04.2012, 30-04-2012
        for m in text.matches(of: Self.numericForm) {
            add(m.range, year(String(m.output.y)), Int(m.output.m)!, Int(m.output.d)!)
        }
        // 31st December 2012, 31 Dec 2012, 1st of April 2012
        for m in text.matches(of: Self.dayFirst) {
            guard let d = m["d"]?.substring, let mon = m["mon"]?.substring, let y = m["y"]?.substring,
                  let mm = monthNumber(String(mon)) else { continue }
            add(m.range, Int(y)!, mm, Int(d)!)
        }
        // December 31st 2012, June 30th, 2012
        for m in text.matches(of: Self.monthFirst) {
            guard let d = m["d"]?.substring, let mon = m["mon"]?.substring, let y = m["y"]?.substring,
                  let mm = monthNumber(String(mon)) else { continue }
            add(m.range, Int(y)!, mm, Int(d)!)
        }
        return hits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { (String(text[$0.range]), $0.iso) }
    }

    nonisolated(unsafe) static let isoForm = /\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b/
    nonisolated(unsafe) static let numericForm = /\b(?<d>\d{1,2})(?<sep>[\/.\-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?!\d)/
    static let monthPattern = #"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
    nonisolated(unsafe) static let dayFirst = try! Regex(#"(?i)\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?"# + monthPattern + #",?\s*(?<y>\d{4})\b"#)
    nonisolated(unsafe) static let monthFirst = try! Regex(#"(?i)\b"# + monthPattern + #"\s*(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s*(?<y>\d{4})\b"#)

    /// A two-digit year is read as 20yy below 70, else 19yy.
    static func year(_ s: String) -> Int {
        let y = Int(s)!
        if s.count == 2 { return y < 70 ? 2000 + y : 1900 + y }
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

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
