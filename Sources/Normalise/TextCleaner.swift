import Foundation

/// Whitespace and markup clean-up for cells and text lines.
public enum TextCleaner {
    /// Collapses runs of whitespace (spaces, tabs, newlines, no-break spaces) to one space and trims the ends.
    public static func collapseWhitespace(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// Strips HTML tags and drops markdown emphasis, keeping a lone `*` such as the
    /// footnote mark in `78.2%*`. Character references are not decoded here: the text
    /// stage reads markup (`TextInput.InlineMarkup`, libxml2 the one entity decoder), so
    /// a cell arrives decoded.
    public static func stripMarkup(_ s: String) -> String {
        var t = s.contains("<") ? s.replacing(rxTextCleaner1, with: " ") : s
        if t.contains("**") { t = t.replacing(rxTextCleaner2) { m in String(m.output.inner) } }
        if t.contains("__") { t = t.replacing(rxTextCleaner3) { m in String(m.output.inner) } }
        if t.contains("*") { t = t.replacing(rxTextCleaner4) { m in
            String(m.output.pre) + String(m.output.inner)
        } }
        return collapseWhitespace(t)
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
nonisolated(unsafe) private let rxTextCleaner1 = /<\/?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?\/?>/
nonisolated(unsafe) private let rxTextCleaner2 = /\*\*(?<inner>[^*\n]+?)\*\*/
nonisolated(unsafe) private let rxTextCleaner3 = /__(?<inner>[^_\n]+?)__/
nonisolated(unsafe) private let rxTextCleaner4 = /(?<pre>^|[^\w*])\*(?<inner>[^\s*]|[^\s*][^*\n]*?[^\s*])\*(?![\w*])/
