import Foundation

/// Reads which direction is good for an indicator: `higher_is_better` or `lower_is_better`.
public enum PolarityParser {
    public static let higher = "higher_is_better"
    public static let lower = "lower_is_better"

    /// From a printed polarity: `Bigger is Better`, `Smaller is Better`, `Good performance is: Low`,
    /// `High is good`, `Aim to maximise`, `Polarity: Up`…; nil when it says neither.
    public static func parse(_ s: String) -> String? {
        var t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        t = t.replacing(/^(?:polarity|direction(?: of travel)?|good performance(?: is)?|good is|aim)\s*[:\-–]?\s*/, with: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " .:;-–()"))
        guard !t.isEmpty else { return nil }
        let upWords: Set<String> = ["up", "high", "higher", "bigger", "larger", "greater", "more", "increase",
                                    "increasing", "maximise", "maximize", "↑", "▲", "+", "positive", "high is good"]
        let downWords: Set<String> = ["down", "low", "lower", "smaller", "less", "fewer", "reduce", "reducing",
                                      "decrease", "decreasing", "minimise", "minimize", "↓", "▼", "-", "negative", "low is good"]
        if upWords.contains(t) { return higher }
        if downWords.contains(t) { return lower }
        if t.contains(/\b(?:bigger|higher|larger|greater|more|high|increase|increasing)\s+(?:is|=)\s+(?:better|good|best)\b/)
            || t.contains(/\b(?:aim|aims|aiming)?\s*(?:to\s+)?(?:maximi[sz]e|increase)\b/) && !t.contains(/minimi[sz]e|reduce/) {
            return higher
        }
        if t.contains(/\b(?:smaller|lower|less|fewer|low|reduction|decrease|decreasing)\s+(?:is|=)\s+(?:better|good|best)\b/)
            || t.contains(/\b(?:aim|aims|aiming)?\s*(?:to\s+)?(?:minimi[sz]e|reduce)\b/) {
            return lower
        }
        return nil
    }

    /// From a polarity word printed in an indicator's title: `(Reduce)`, `Reduce: …` → lower;
    /// `(Increase)`, `Increase: …` → higher.
    public static func fromTitle(_ title: String) -> String? {
        let t = TextCleaner.collapseWhitespace(title)
        if t.contains(/(?i)\(\s*(?:reduce|decrease|minimi[sz]e)\s*\)/) { return lower }
        if t.contains(/(?i)\(\s*(?:increase|maximi[sz]e)\s*\)/) { return higher }
        if t.contains(/(?i)^\s*(?:reduce|decrease|minimi[sz]e)\s*[:\-–]\s/) { return lower }
        if t.contains(/(?i)^\s*(?:increase|maximi[sz]e)\s*[:\-–]\s/) { return higher }
        return nil
    }
}
