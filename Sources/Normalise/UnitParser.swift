import Foundation

/// Reads a printed `Unit:` value into the corpus's short canonical unit.
public enum UnitParser {
    /// `%` → `%`, `Number` → `number`, `Number per 10,000` → `per 10,000`, `£000` → `GBP`,
    /// `Days` → `days`, `Ratio` → `ratio`; blank → nil.
    public static func parse(_ s: String) -> String? {
        var t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        t = t.replacing(rxUnitParser1, with: "").trimmingCharacters(in: CharacterSet(charactersIn: " .:;()"))
        guard !t.isEmpty else { return nil }
        if let m = t.firstMatch(of: rxUnitParser2) {
            var n = Int(m.output.n.replacingOccurrences(of: ",", with: "")) ?? 0
            if m.output.k != nil { n *= 1000 }
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.groupingSeparator = ","
            formatter.groupingSize = 3
            formatter.usesGroupingSeparator = true
            return "per " + (formatter.string(from: NSNumber(value: n)) ?? String(n))
        }
        if t.contains("%") || t.contains(rxUnitParser3) { return "%" }
        if t.contains("£") || t.contains(rxUnitParser4) { return "GBP" }
        if t.contains(rxUnitParser5) { return "days" }
        if t.contains(rxUnitParser6) { return "weeks" }
        if t.contains(rxUnitParser7) { return "months" }
        if t.contains(rxUnitParser8) { return "hours" }
        if t.contains(rxUnitParser9) { return "ratio" }
        if t.contains(rxUnitParser10) { return "tonnes" }
        if t.contains(rxUnitParser11) { return "number" }
        if t.contains(rxUnitParser12) { return "rate" }
        return nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
nonisolated(unsafe) private let rxUnitParser1 = /^units?\s*[:\-]?\s*/
nonisolated(unsafe) private let rxUnitParser2 = /per\s+(?<n>\d{1,3}(?:,?\d{3})*|\d+)\s*(?<k>k)?/
nonisolated(unsafe) private let rxUnitParser3 = /\bper\s?cent\b|\bpercentage\b/
nonisolated(unsafe) private let rxUnitParser4 = /\b(?:gbp|pounds?|money|cash|sterling)\b/
nonisolated(unsafe) private let rxUnitParser5 = /\bdays?\b/
nonisolated(unsafe) private let rxUnitParser6 = /\bweeks?\b/
nonisolated(unsafe) private let rxUnitParser7 = /\bmonths?\b/
nonisolated(unsafe) private let rxUnitParser8 = /\bhours?\b/
nonisolated(unsafe) private let rxUnitParser9 = /\bratio\b/
nonisolated(unsafe) private let rxUnitParser10 = /\btonnes?\b/
nonisolated(unsafe) private let rxUnitParser11 = /\b(?:number|no|count|numeric|people|cases)\b/
nonisolated(unsafe) private let rxUnitParser12 = /\brate\b/
