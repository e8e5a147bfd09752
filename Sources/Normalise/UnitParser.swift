import Foundation

/// Reads a printed `Unit:` value into the corpus's short canonical unit.
public enum UnitParser {
    /// `%` → `%`, `Number` → `number`, `Number per 10,000` → `per 10,000`, `£000` → `GBP`,
    /// `Days` → `days`, `Ratio` → `ratio`; blank → nil.
    public static func parse(_ s: String) -> String? {
        var t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        t = t.replacing(rxUnitLabel, with: "").trimmingCharacters(in: CharacterSet(charactersIn: " .:;()"))
        guard !t.isEmpty else { return nil }
        if let m = t.firstMatch(of: rxPerN) {
            var n = Int(m.output.n.replacingOccurrences(of: ",", with: "")) ?? 0
            if m.output.k != nil { n *= 1000 }
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.groupingSeparator = ","
            formatter.groupingSize = 3
            formatter.usesGroupingSeparator = true
            return "per " + (formatter.string(from: NSNumber(value: n)) ?? String(n))
        }
        if t.contains("%") || t.contains(rxPercentWords) { return "%" }
        if t.contains("£") || t.contains(rxMoneyWords) { return "GBP" }
        if t.contains(rxDaysWord) { return "days" }
        if t.contains(rxWeeksWord) { return "weeks" }
        if t.contains(rxMonthsWord) { return "months" }
        if t.contains(rxHoursWord) { return "hours" }
        if t.contains(rxRatioWord) { return "ratio" }
        if t.contains(rxTonnesWord) { return "tonnes" }
        if t.contains(rxCountWords) { return "number" }
        if t.contains(rxRateWord) { return "rate" }
        return nil
    }
}

extension UnitParser {
    /// The unit an indicator's title states in its own words, or nil. Councils name the
    /// unit in the title when no column or sign does: `Percentage of …`, `% of …`,
    /// `… per 10,000 children`, `Number of …`, `Average number of days …`, `… (days)`,
    /// `… in tonnes`. A rate wins over `Number of` (`Number of LAC per 10k` is a rate), and
    /// days over `Number of` (`Number of days lost`).
    public static func fromTitle(_ title: String) -> String? {
        let t = TextCleaner.collapseWhitespace(title).lowercased()
        guard !t.isEmpty else { return nil }
        if let m = t.firstMatch(of: rxTitlePerN) { return parse(String(t[m.range])) }
        if t.contains(rxTitlePercent) { return "%" }
        if t.contains(rxTitleDays) { return "days" }
        if t.contains(rxTitleWeeks) { return "weeks" }
        if t.contains(rxTitleTonnes) { return "tonnes" }
        if t.contains(rxTitleNumber) { return "number" }
        return nil
    }
}

nonisolated(unsafe) private let rxTitlePerN = /\bper\s+(?:\d{1,3}(?:,\d{3})+|\d{3,7}|\d{1,3}\s?k)\b/
nonisolated(unsafe) private let rxTitlePercent = /^(?:the\s+)?(?:percentage|proportion|per\s?cent|%)(?:\s|$)|^%|\(%\)|\bas a (?:percentage|%)/
nonisolated(unsafe) private let rxTitleDays = /^(?:the\s+)?(?:average\s+|mean\s+|median\s+)?(?:number of\s+)?(?:working\s+)?days\b|\((?:working\s+)?days\)|\bin days\b|^(?:the\s+)?average (?:number of (?:working\s+)?days|time \(days\))/
nonisolated(unsafe) private let rxTitleWeeks = /^(?:the\s+)?(?:average\s+)?(?:number of\s+)?weeks\b|\(weeks\)|\bin weeks\b/
nonisolated(unsafe) private let rxTitleTonnes = /\bin tonnes\b|\(tonnes\)/
nonisolated(unsafe) private let rxTitleNumber = /^(?:the\s+)?(?:total\s+)?(?:numbers?|no\.?)\s+of\b/

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A `Unit:` label leading the value.
nonisolated(unsafe) private let rxUnitLabel = /^units?\s*[:\-]?\s*/
/// `per 10,000`, `per 1000`, `per 10k`: a rate's base.
nonisolated(unsafe) private let rxPerN = /per\s+(?<n>\d{1,3}(?:,?\d{3})*|\d+)\s*(?<k>k)?/
/// `per cent`, `percent`, `percentage`.
nonisolated(unsafe) private let rxPercentWords = /\bper\s?cent\b|\bpercentage\b/
/// `GBP`, `pounds`, `money`, `cash`, `sterling`.
nonisolated(unsafe) private let rxMoneyWords = /\b(?:gbp|pounds?|money|cash|sterling)\b/
/// `day`, `days`.
nonisolated(unsafe) private let rxDaysWord = /\bdays?\b/
/// `week`, `weeks`.
nonisolated(unsafe) private let rxWeeksWord = /\bweeks?\b/
/// `month`, `months`.
nonisolated(unsafe) private let rxMonthsWord = /\bmonths?\b/
/// `hour`, `hours`.
nonisolated(unsafe) private let rxHoursWord = /\bhours?\b/
/// `ratio`.
nonisolated(unsafe) private let rxRatioWord = /\bratio\b/
/// `tonne`, `tonnes`.
nonisolated(unsafe) private let rxTonnesWord = /\btonnes?\b/
/// `number`, `no`, `count`, `numeric`, `people`, `cases`.
nonisolated(unsafe) private let rxCountWords = /\b(?:number|no|count|numeric|people|cases)\b/
/// `rate`.
nonisolated(unsafe) private let rxRateWord = /\brate\b/
