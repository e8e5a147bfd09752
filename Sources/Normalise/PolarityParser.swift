import Foundation

/// Reads which direction is good for an indicator: `higher_is_better` or `lower_is_better`.
public enum PolarityParser {
    public static let higher = "higher_is_better"
    public static let lower = "lower_is_better"

    /// From a printed polarity: `Bigger is Better`, `Smaller is Better`, `Good performance is: Low`,
    /// `High is good`, `Aim to maximise`, `Polarity: Up`…; nil when it says neither.
    public static func parse(_ s: String) -> String? {
        var t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        t = t.replacing(rxPolarityParser1, with: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " .:;-–()"))
        guard !t.isEmpty else { return nil }
        let upWords: Set<String> = ["up", "high", "higher", "bigger", "larger", "greater", "more", "increase",
                                    "increasing", "maximise", "maximize", "↑", "▲", "+", "positive", "high is good"]
        let downWords: Set<String> = ["down", "low", "lower", "smaller", "less", "fewer", "reduce", "reducing",
                                      "decrease", "decreasing", "minimise", "minimize", "↓", "▼", "-", "negative", "low is good"]
        if upWords.contains(t) { return higher }
        if downWords.contains(t) { return lower }
        if t.contains(rxPolarityParser2)
            || t.contains(rxPolarityParser3) && !t.contains(rxPolarityParser4) {
            return higher
        }
        if t.contains(rxPolarityParser5)
            || t.contains(rxPolarityParser6) {
            return lower
        }
        return nil
    }

    /// From a polarity word printed in an indicator's title: `(Reduce)`, `Reduce: …` → lower;
    /// `(Increase)`, `Increase: …` → higher.
    public static func fromTitle(_ title: String) -> String? {
        let t = TextCleaner.collapseWhitespace(title)
        if t.contains(rxPolarityParser7) { return lower }
        if t.contains(rxPolarityParser8) { return higher }
        if t.contains(rxPolarityParser9) { return lower }
        if t.contains(rxPolarityParser10) { return higher }
        return nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
nonisolated(unsafe) private let rxPolarityParser1 = /^(?:polarity|direction(?: of travel)?|good performance(?: is)?|good is|aim)\s*[:\-–]?\s*/
nonisolated(unsafe) private let rxPolarityParser2 = /\b(?:bigger|higher|larger|greater|more|high|increase|increasing)\s+(?:[il1|][s$5]|=)\s+(?:better|good|best)\b/
nonisolated(unsafe) private let rxPolarityParser3 = /\b(?:aim|aims|aiming)?\s*(?:to\s+)?(?:maximi[sz]e|increase)\b/
nonisolated(unsafe) private let rxPolarityParser4 = /minimi[sz]e|reduce/
nonisolated(unsafe) private let rxPolarityParser5 = /\b(?:smaller|lower|less|fewer|low|reduction|decrease|decreasing)\s+(?:[il1|][s$5]|=)\s+(?:better|good|best)\b/
nonisolated(unsafe) private let rxPolarityParser6 = /\b(?:aim|aims|aiming)?\s*(?:to\s+)?(?:minimi[sz]e|reduce)\b/
nonisolated(unsafe) private let rxPolarityParser7 = /(?i)\(\s*(?:reduce|decrease|minimi[sz]e)\s*\)/
nonisolated(unsafe) private let rxPolarityParser8 = /(?i)\(\s*(?:increase|maximi[sz]e)\s*\)/
nonisolated(unsafe) private let rxPolarityParser9 = /(?i)^\s*(?:reduce|decrease|minimi[sz]e)\s*[:\-–]\s/
nonisolated(unsafe) private let rxPolarityParser10 = /(?i)^\s*(?:increase|maximi[sz]e)\s*[:\-–]\s/
