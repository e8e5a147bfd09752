import ScrutinyCore

/// Finds running headers and footers: lines printed at the same place (top or bottom band of
/// the page) on most pages, with only their digits varying (page numbers, dates).
public enum RunningHeaderFinder {
    /// The share of the page height searched at the top and at the bottom.
    static let band = 0.12

    /// The key a line is compared by: its text with digit runs replaced, and its position.
    static func key(_ line: TextLine, pageHeight: Double) -> String? {
        guard let b = line.box, pageHeight > 0 else { return nil }
        let top = b.y1 <= pageHeight * band, bottom = b.y0 >= pageHeight * (1 - band)
        guard top || bottom else { return nil }
        var text = ""
        var inDigits = false
        for ch in line.text.lowercased() {
            if ch.isNumber { if !inDigits { text.append("#") }; inDigits = true } else if !ch.isWhitespace { text.append(ch); inDigits = false }
        }
        guard !text.isEmpty else { return nil }
        let y = top ? (b.y0 / 12).rounded() : ((pageHeight - b.y1) / 12).rounded()
        return (top ? "t" : "b") + "\(Int(y))|" + text
    }

    /// Pages with the running lines taken out, and each running line's text once (first page's wording).
    public static func strip(_ pages: [PageText]) -> (pages: [PageText], headers: [String]) {
        let geometric = pages.filter { $0.height != nil && !$0.lines.isEmpty }
        guard geometric.count >= 2 else { return (pages, []) }
        var counts: [String: Int] = [:]
        for p in geometric {
            let keys = Set(p.lines.compactMap { key($0, pageHeight: p.height!) })
            for k in keys { counts[k, default: 0] += 1 }
        }
        let needed = max(2, Int((Double(geometric.count) * 0.5).rounded(.up)))
        let running = Set(counts.filter { $0.value >= needed }.keys)
        guard !running.isEmpty else { return (pages, []) }
        var headers: [String] = []
        var seen: Set<String> = []
        let out = pages.map { p -> PageText in
            guard let h = p.height else { return p }
            var q = p
            q.lines = p.lines.filter { l in
                guard let k = key(l, pageHeight: h), running.contains(k) else { return true }
                if seen.insert(k).inserted, !l.text.allSatisfy({ $0.isNumber || $0.isWhitespace }) { headers.append(l.text) }
                return false
            }
            return q
        }
        return (out, headers)
    }
}
