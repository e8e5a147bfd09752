import Foundation

/// Reads a direction of travel (`improving`, `stable`, `worsening`) from words and arrows.
public enum TrendParser {
    /// `↑`, `▲`, `Improving`, `Better` → improving; `→`, `No change`, `Same` → stable;
    /// `↓`, `▼`, `Deteriorating`, `Worse` → worsening.
    /// `ArrowMisreadInTrendCell` rule: direction-of-travel columns print arrows, which OCR
    /// reads as letters (`↑` as `t`, `T`, `f`; `↓` as `4`, `J`, `JL`; `→` as `>`). A whole
    /// cell of a trend column that is one of these misreads is the arrow. Only for cells of
    /// a trend column: elsewhere `T` or `4` is text. Counter-example: `1` stays (a figure).
    public static func repairingOCRArrow(_ cell: String) -> String {
        let t = cell.trimmingWhitespace()
        for (arrow, misreads) in arrowMisreads where misreads.contains(t) { return arrow }
        return cell
    }

    static let arrowMisreads: [(String, Set<String>)] = [
        ("↑", ["t", "T", "f", "Tf", "tf", "ft", "†"]),
        ("↓", ["4", "J", "JL", "Jl", "l"]),
        ("→", [">", "->", "—>", "-->", "=>"]),
    ]

    public static func parse(_ s: String) -> String? {
        let t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        guard !t.isEmpty else { return nil }
        if t.contains(rxImprovingWords) || t.contains(where: { "↑⇑⬆▲△↗".contains($0) }) { return "improving" }
        if t.contains(rxWorseningWords) || t.contains(where: { "↓⇓⬇▼▽↘".contains($0) }) {
            return "worsening"
        }
        if t.contains(rxStableWords)
            || t.contains(where: { "→⇒➡↔◄►=".contains($0) }) {
            return "stable"
        }
        return nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// `improving`, `improved`, `better`, `up`.
nonisolated(unsafe) private let rxImprovingWords = /\b(?:improv\w*|better|up)\b/
/// `deteriorating`, `worse`, `declining`, `down`.
nonisolated(unsafe) private let rxWorseningWords = /\b(?:deteriorat\w*|worse\w*|declin\w*|down)\b/
/// `stable`, `no change`, `unchanged`, `same`, `steady`, `maintained`.
nonisolated(unsafe) private let rxStableWords = /\b(?:stable|no ?change|unchanged|same|static|steady|maintained|consistent)\b/
