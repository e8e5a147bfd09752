import Foundation

/// Reads a direction of travel (`improving`, `stable`, `worsening`) from words and arrows.
public enum TrendParser {
    /// `↑`, `▲`, `Improving`, `Better` → improving; `→`, `No change`, `Same` → stable;
    /// `↓`, `▼`, `Deteriorating`, `Worse` → worsening.
    public static func parse(_ s: String) -> String? {
        let t = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(s)).lowercased()
        guard !t.isEmpty else { return nil }
        if t.contains(/\b(?:improv\w*|better|up)\b/) || t.contains(where: { "↑⇑⬆▲△↗".contains($0) }) { return "improving" }
        if t.contains(/\b(?:deteriorat\w*|worse\w*|declin\w*|down)\b/) || t.contains(where: { "↓⇓⬇▼▽↘".contains($0) }) {
            return "worsening"
        }
        if t.contains(/\b(?:stable|no change|unchanged|same|static|steady|maintained|consistent)\b/)
            || t.contains(where: { "→⇒➡↔◄►=".contains($0) }) {
            return "stable"
        }
        return nil
    }
}
