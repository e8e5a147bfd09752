import Foundation

/// Strips the inline markup that text exports carry (`**bold**`, `*em*`, `<b>`, `<i>`,
/// `<p>`, HTML entities) and reports whether the whole text was bold.
public enum InlineMarkup {
    /// The text without markup, whitespace collapsed; `<p>` paragraphs joined with a space.
    public static func strip(_ raw: String) -> String {
        var s = raw
        if s.contains("<") {
            s = s.replacingOccurrences(of: #"<br\s*/?>|</p>\s*<p>|</?(p|div|span|b|i|u|em|strong|font|sup|sub|a)(\s[^>]*)?>"#,
                                       with: " ", options: [.regularExpression, .caseInsensitive])
        }
        if s.contains("&") { s = decodeEntities(s) }
        if s.contains("*") {
            s = s.replacingOccurrences(of: #"\*\*(.+?)\*\*"#, with: "$1", options: .regularExpression)
            s = s.replacingOccurrences(of: #"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])"#, with: "$1",
                                       options: .regularExpression)
        }
        return collapse(s)
    }

    /// A table cell's text. `TrailingEmphasisNote` rule: officers append a note to a
    /// measure's name in bold after the plain name (`Numbers of carers - <b>Awaiting
    /// data</b>`); the PDF renderings print it on its own line, led by the dash. The note
    /// goes to its own line, so readers of the cell can tell it from the name. A cell
    /// wholly bold, or bold in the middle, is left as one line.
    public static func cell(_ raw: String) -> String {
        guard let m = raw.firstMatch(of: trailingEmphasis) else { return strip(raw) }
        let plain = strip(String(m.plain)), note = strip(String(m.note ?? m.note2 ?? ""))
        guard !plain.isEmpty, !note.isEmpty else { return strip(raw) }
        return m.dash.isEmpty ? plain + "\n" + note : plain + "\n- " + note
    }

    nonisolated(unsafe) static let trailingEmphasis =
        /^(?<plain>.*?[^\s*>])\s*(?<dash>[-–]?)\s*(?:<(?:b|strong)>(?<note>[^<]+)<\/(?:b|strong)>|\*\*(?<note2>[^*]+)\*\*)\s*$/.ignoresCase()

    /// True when the whole text is wrapped in bold markup (`**…**` or `<b>…</b>`).
    public static func isBold(_ raw: String) -> Bool {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return false }
        if t.hasPrefix("**") && t.hasSuffix("**") && t.count > 4 { return true }
        let lower = t.lowercased()
        return (lower.hasPrefix("<b>") && lower.hasSuffix("</b>")) || (lower.hasPrefix("<strong>") && lower.hasSuffix("</strong>"))
    }

    /// Whitespace runs (including non-breaking spaces) become one space; ends trimmed.
    public static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "pound": "£",
        "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "hellip": "…",
    ]

    /// Decodes named and numeric HTML entities.
    public static func decodeEntities(_ s: String) -> String {
        guard let re = try? NSRegularExpression(pattern: "&(#x?[0-9A-Fa-f]+|[A-Za-z]+);") else { return s }
        let ns = s as NSString
        var out = ""
        var last = 0
        for m in re.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let name = ns.substring(with: m.range(at: 1))
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = entities[name.lowercased()]
            }
            out += replacement ?? ns.substring(with: m.range)
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }
}
