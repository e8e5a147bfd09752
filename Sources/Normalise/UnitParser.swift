import Foundation

/// Reads a printed `Unit:` value into the corpus's short canonical unit.
public enum UnitParser {
    /// `%` → `%`, `Number` → `number`, `Number per 10,000` → `per 10,000`, `£000` → `GBP`,
    /// `Days` → `days`, `Ratio` → `ratio`; blank → nil.
    public static func parse(_ s: String) -> String? {
        var t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        t = t.replacing(/^units?\s*[:\-]?\s*/, with: "").trimmingCharacters(in: CharacterSet(charactersIn: " .:;()"))
        guard !t.isEmpty else { return nil }
        if let m = t.firstMatch(of: /per\s+(?<n>\d{1,3}(?:,?\d{3})*|\d+)\s*(?<k>k)?/) {
            var n = Int(m.output.n.replacingOccurrences(of: ",", with: "")) ?? 0
            if m.output.k != nil { n *= 1000 }
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.groupingSeparator = ","
            formatter.groupingSize = 3
            formatter.usesGroupingSeparator = true
            return "per " + (formatter.string(from: NSNumber(value: n)) ?? String(n))
        }
        if t.contains("%") || t.contains(/\bper\s?cent\b|\bpercentage\b/) { return "%" }
        if t.contains("£") || t.contains(/\b(?:gbp|pounds?|money|cash|sterling)\b/) { return "GBP" }
        if t.contains(/\bdays?\b/) { return "days" }
        if t.contains(/\bweeks?\b/) { return "weeks" }
        if t.contains(/\bmonths?\b/) { return "months" }
        if t.contains(/\bhours?\b/) { return "hours" }
        if t.contains(/\bratio\b/) { return "ratio" }
        if t.contains(/\btonnes?\b/) { return "tonnes" }
        if t.contains(/\b(?:number|no|count|numeric|people|cases)\b/) { return "number" }
        if t.contains(/\brate\b/) { return "rate" }
        return nil
    }
}
