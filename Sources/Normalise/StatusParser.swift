import Foundation

/// Reads a performance status against target (`above_target`, `on_target`, `below_target`)
/// and an activity status (`ahead`, `on_track`, `behind`) from symbols, symbol names and words.
public enum StatusParser {
    /// RED DIAMOND / ▲ / Red / Amber / Off track → below; BLUE CIRCLE / ● / ✓ / Green / On target → on;
    /// GREEN PLUS / ★ / Exceeding target → above. As the corpus contract maps plain RAG words:
    /// Green (and On track) means the target is met → on_target; Amber (short of the target,
    /// within tolerance) and Red → below_target; above_target only where the paper marks
    /// exceeding apart from meeting (GREEN PLUS, ★, Blue).
    public static func parse(_ s: String) -> String? {
        let t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        guard !t.isEmpty else { return nil }
        if t.contains("red diamond") || t.contains("◆") || t.contains("♦") { return "below_target" }
        if t.contains("green plus") { return "above_target" }
        if t.contains("blue circle") { return "on_target" }
        if t.contains(rxAboveTargetWords) { return "above_target" }
        if t.contains(rxBelowTargetWords) {
            return "below_target"
        }
        if t.contains(rxOnTargetWords) { return "on_target" }
        if let c = t.trimmingWhitespace().first, t.count <= 3 {
            switch c {
            case "★", "☆", "✶", "✦", "+": return "above_target"
            case "●", "•", "○", "✓", "✔", "=": return "on_target"
            case "▲", "△", "✗", "✘", "x": return "below_target"
            default: break
            }
        }
        switch t.trimmingCharacters(in: CharacterSet(charactersIn: " .")) {
        case "red", "r": return "below_target"
        case "g", "green": return "on_target"
        case "amber", "a", "amber/green", "green/amber", "amber/red", "red/amber": return "below_target"
        case "blue", "gold": return "above_target"
        default: return nil
        }
    }

    /// `★` / Ahead → ahead; `✓` / On track / Complete → on_track; `▲` / Behind / Delayed → behind.
    public static func activityStatus(_ s: String) -> String? {
        let t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        guard !t.isEmpty else { return nil }
        if t.contains("★") || t.contains("☆") || t.contains(rxAheadWords) { return "ahead" }
        if t.contains("▲") || t.contains(rxBehindWords) {
            return "behind"
        }
        if t.contains("✓") || t.contains("✔") || t.contains(rxOnTrackWords) {
            return "on_track"
        }
        switch t.trimmingCharacters(in: CharacterSet(charactersIn: " .")) {
        case "green", "g", "blue": return "on_track"
        case "red", "r", "amber", "a": return "behind"
        default: return nil
        }
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// Words of a status above target: `exceeding`, `above`, `better than`, `ahead of`.
nonisolated(unsafe) private let rxAboveTargetWords = /\b(?:exceed|exceeding|exceeds|exceeded|above|better than|ahead of|outperform)/
/// Words of a status below target: `below`, `off track`, `not met`, `missed`, `short of`.
nonisolated(unsafe) private let rxBelowTargetWords = /\b(?:below|off track|off target|not met|missed|behind|worse than|failing|not achieved|under target|short of)/
/// Words of a status on target: `on target`, `on track`, `met`, `achieved`, `within tolerance`.
nonisolated(unsafe) private let rxOnTargetWords = /\b(?:on target|on track|met|achieved|in line|within tolerance|on plan)\b/
/// Words of an activity ahead of plan: `ahead`, `excellent progress`.
nonisolated(unsafe) private let rxAheadWords = /\b(?:ahead|excellent progress)\b/
/// Words of an activity behind plan: `behind`, `delayed`, `slipping`, `at risk`, `overdue`.
nonisolated(unsafe) private let rxBehindWords = /\b(?:behind|delayed|slipp|off track|at risk|overdue|not started|late)\w*/
/// Words of an activity on plan: `on track`, `on schedule`, `complete`, `in progress`.
nonisolated(unsafe) private let rxOnTrackWords = /\b(?:on track|on schedule|good progress|complete|completed|achieved|in progress)\b/
