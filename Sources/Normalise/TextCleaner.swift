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

    /// Strips HTML tags, decodes common entities and drops markdown emphasis,
    /// keeping a lone `*` such as the footnote mark in `78.2%*`.
    public static func stripMarkup(_ s: String) -> String {
        var t = s.contains("<") ? s.replacing(rxTextCleaner1, with: " ") : s
        t = decodeEntities(t)
        if t.contains("**") { t = t.replacing(rxTextCleaner2) { m in String(m.output.inner) } }
        if t.contains("__") { t = t.replacing(rxTextCleaner3) { m in String(m.output.inner) } }
        if t.contains("*") { t = t.replacing(rxTextCleaner4) { m in
            String(m.output.pre) + String(m.output.inner)
        } }
        return collapseWhitespace(t)
    }

    /// Decodes named and numeric character references.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
            "pound": "£", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
            "ldquo": "“", "rdquo": "”", "hellip": "…", "euro": "€", "bull": "•",
        ]
        return s.replacing(rxTextCleaner5) { m in
            let name = String(m.output.name)
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                if let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return String(Character(u)) }
            } else if name.hasPrefix("#") {
                if let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { return String(Character(u)) }
            } else if let r = named[name.lowercased()] {
                return r
            }
            return String(m.output.0)
        }
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
nonisolated(unsafe) private let rxTextCleaner1 = /<\/?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?\/?>/
nonisolated(unsafe) private let rxTextCleaner2 = /\*\*(?<inner>[^*\n]+?)\*\*/
nonisolated(unsafe) private let rxTextCleaner3 = /__(?<inner>[^_\n]+?)__/
nonisolated(unsafe) private let rxTextCleaner4 = /(?<pre>^|[^\w*])\*(?<inner>[^\s*]|[^\s*][^*\n]*?[^\s*])\*(?![\w*])/
nonisolated(unsafe) private let rxTextCleaner5 = /&(?<name>#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);/
