import Foundation

/// Reads which direction is good for an indicator: `higher_is_better` or `lower_is_better`.
public enum PolarityParser {
    public static let higher = "higher_is_better"
    public static let lower = "lower_is_better"

    /// From a printed polarity: `Bigger is Better`, `Smaller is Better`, `Good performance is: Low`,
    /// `High is good`, `Aim to maximise`, `Polarity: Up`…; nil when it says neither.
    public static func parse(_ s: String) -> String? {
        var t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        t = t.replacing(rxPolarityLabel, with: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " .:;-–()"))
        guard !t.isEmpty else { return nil }
        let upWords: Set<String> = ["up", "high", "higher", "bigger", "larger", "greater", "more", "increase",
                                    "increasing", "maximise", "maximize", "↑", "▲", "+", "positive", "high is good"]
        let downWords: Set<String> = ["down", "low", "lower", "smaller", "less", "fewer", "reduce", "reducing",
                                      "decrease", "decreasing", "minimise", "minimize", "↓", "▼", "-", "negative", "low is good"]
        if upWords.contains(t) { return higher }
        if downWords.contains(t) { return lower }
        if t.contains(rxBiggerIsBetter)
            || t.contains(rxAimToIncrease) && !t.contains(rxReduceWord) {
            return higher
        }
        if t.contains(rxSmallerIsBetter)
            || t.contains(rxAimToReduce) {
            return lower
        }
        return nil
    }

    /// From a polarity word printed in an indicator's title: `(Reduce)`, `Reduce: …` → lower;
    /// `(Increase)`, `Increase: …` → higher.
    public static func fromTitle(_ title: String) -> String? {
        let t = TextCleaner.collapseWhitespace(title)
        if t.contains(rxBracketedReduce) { return lower }
        if t.contains(rxBracketedIncrease) { return higher }
        if t.contains(rxReduceLead) { return lower }
        if t.contains(rxIncreaseLead) { return higher }
        return nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A polarity label leading the value: `Polarity:`, `Direction of travel -`, `Good performance is`, `Aim`.
nonisolated(unsafe) private let rxPolarityLabel = /^(?:polarity|direction(?: of travel)?|good performance(?: is)?|good is|aim)\s*[:\-–]?\s*/
/// `Bigger is better`, `Higher = good`, `More i$ best` (OCR's `i$`, `1s`, `l5` for `is`).
nonisolated(unsafe) private let rxBiggerIsBetter = /\b(?:bigger|higher|larger|greater|more|high|increase|increasing)\s+(?:[il1|][s$5]|=)\s+(?:better|good|best)\b/
/// `Aim to maximise`, `increase`.
nonisolated(unsafe) private let rxAimToIncrease = /\b(?:aim|aims|aiming)?\s*(?:to\s+)?(?:maximi[sz]e|increase)\b/
/// `minimise`, `reduce` anywhere: an aim to increase that also reduces is not read as higher.
nonisolated(unsafe) private let rxReduceWord = /minimi[sz]e|reduce/
/// `Smaller is better`, `Lower = good`, `Fewer 1s best`.
nonisolated(unsafe) private let rxSmallerIsBetter = /\b(?:smaller|lower|less|fewer|low|reduction|decrease|decreasing)\s+(?:[il1|][s$5]|=)\s+(?:better|good|best)\b/
/// `Aim to minimise`, `reduce`.
nonisolated(unsafe) private let rxAimToReduce = /\b(?:aim|aims|aiming)?\s*(?:to\s+)?(?:minimi[sz]e|reduce)\b/
/// `(Reduce)`, `(decrease)`, `(minimise)` in a title.
nonisolated(unsafe) private let rxBracketedReduce = /(?i)\(\s*(?:reduce|decrease|minimi[sz]e)\s*\)/
/// `(Increase)`, `(maximise)` in a title.
nonisolated(unsafe) private let rxBracketedIncrease = /(?i)\(\s*(?:increase|maximi[sz]e)\s*\)/
/// `Reduce: …`, `Decrease – …` leading a title.
nonisolated(unsafe) private let rxReduceLead = /(?i)^\s*(?:reduce|decrease|minimi[sz]e)\s*[:\-–]\s/
/// `Increase: …`, `Maximise – …` leading a title.
nonisolated(unsafe) private let rxIncreaseLead = /(?i)^\s*(?:increase|maximi[sz]e)\s*[:\-–]\s/
