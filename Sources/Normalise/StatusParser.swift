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
        if t.contains(rxStatusParser1) { return "above_target" }
        if t.contains(rxStatusParser2) {
            return "below_target"
        }
        if t.contains(rxStatusParser3) { return "on_target" }
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
        if t.contains("★") || t.contains("☆") || t.contains(rxStatusParser4) { return "ahead" }
        if t.contains("▲") || t.contains(rxStatusParser5) {
            return "behind"
        }
        if t.contains("✓") || t.contains("✔") || t.contains(rxStatusParser6) {
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
nonisolated(unsafe) private let rxStatusParser1 = /\b(?:exceed|exceeding|exceeds|exceeded|above|better than|ahead of|outperform)/
nonisolated(unsafe) private let rxStatusParser2 = /\b(?:below|off track|off target|not met|missed|behind|worse than|failing|not achieved|under target|short of)/
nonisolated(unsafe) private let rxStatusParser3 = /\b(?:on target|on track|met|achieved|in line|within tolerance|on plan)\b/
nonisolated(unsafe) private let rxStatusParser4 = /\b(?:ahead|excellent progress)\b/
nonisolated(unsafe) private let rxStatusParser5 = /\b(?:behind|delayed|slipp|off track|at risk|overdue|not started|late)\w*/
nonisolated(unsafe) private let rxStatusParser6 = /\b(?:on track|on schedule|good progress|complete|completed|achieved|in progress)\b/
