import Foundation

/// Whitespace and markup clean-up for cells and text lines.
public enum TextCleaner {
    /// Collapses runs of whitespace (spaces, tabs, newlines, no-break spaces) to one space and trims the ends.
    public static func collapseWhitespace(_ s: String) -> String {
        if let ascii = collapseASCIIWhitespace(s) { return ascii }
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

    /// `collapseWhitespace` for an all-ASCII text (most cells), byte by byte; nil for any
    /// other text. In ASCII every character is one byte but `\r\n`, which is white space as
    /// its two bytes are, and the white space is tab, line feed, vertical tab, form feed,
    /// carriage return and space — so the bytes give the characters' answer (a test checks
    /// it against the character loop). A text with nothing to collapse is returned as is.
    static func collapseASCIIWhitespace(_ s: String) -> String? {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var clean = true
        var previousSpace = true  // a space first is one to drop
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            let space = isSpace(b)
            if space, b != 0x20 || previousSpace { clean = false }
            previousSpace = space
        }
        if clean && !previousSpace || s.isEmpty { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for b in s.utf8 {
            if isSpace(b) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Strips HTML tags and drops markdown emphasis, keeping a lone `*` such as the
    /// footnote mark in `78.2%*`. Character references are not decoded here: the text
    /// stage reads markup (`TextInput.InlineMarkup`, libxml2 the one entity decoder), so
    /// a cell arrives decoded.
    public static func stripMarkup(_ s: String) -> String {
        // each test first looks for the mark's byte (Foundation's `contains` bridges the text)
        var t = s.utf8.contains(0x3C) && s.contains("<") ? s.replacing(rxHTMLTag, with: " ") : s
        let star = t.utf8.contains(0x2A)
        if star, t.contains("**") { t = t.replacing(rxDoubleStarEmphasis) { m in String(m.output.inner) } }
        if t.utf8.contains(0x5F), t.contains("__") { t = t.replacing(rxDoubleUnderscoreEmphasis) { m in String(m.output.inner) } }
        if star, t.contains("*") { t = t.replacing(rxSingleStarEmphasis) { m in
            String(m.output.pre) + String(m.output.inner)
        } }
        return collapseWhitespace(t)
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// An HTML tag: `<p>`, `</td>`, `<br/>`, `<span class="x">`.
nonisolated(unsafe) private let rxHTMLTag = /<\/?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?\/?>/
/// Markdown bold with stars: `**text**`.
nonisolated(unsafe) private let rxDoubleStarEmphasis = /\*\*(?<inner>[^*\n]+?)\*\*/
/// Markdown bold with underscores: `__text__`.
nonisolated(unsafe) private let rxDoubleUnderscoreEmphasis = /__(?<inner>[^_\n]+?)__/
/// Markdown italics with one star: `*text*` (a lone `*`, as in `78.2%*`, stays).
nonisolated(unsafe) private let rxSingleStarEmphasis = /(?<pre>^|[^\w*])\*(?<inner>[^\s*]|[^\s*][^*\n]*?[^\s*])\*(?![\w*])/
