import ScrutinyCore

/// Finds running headers and footers: lines printed at the same place (top or bottom band of
/// the page) on most pages, with only their digits varying (page numbers, dates).
public enum RunningHeaderFinder {

    /// What a line is compared by: its text with digit runs replaced, which band it is in,
    /// and its distance from that edge of the page in `runningLineStep` steps.
    struct Key: Hashable {
        var text: String
        var step: Int
        /// The same text one step nearer or further (a scan sits a few points off on each page).
        var neighbours: [Key] { [-1, 0, 1].map { Key(text: text, step: step + $0) } }
    }

    static func key(_ line: TextLine, pageHeight: Double) -> Key? {
        guard let b = line.box, pageHeight > 0 else { return nil }
        let band = LayoutTolerances.runningBand
        let top = b.y1 <= pageHeight * band, bottom = b.y0 >= pageHeight * (1 - band)
        guard top || bottom else { return nil }
        let edge = top ? "t|" : "b|"
        var text = edge
        var inDigits = false
        for ch in line.text.lowercased() {
            if ch.isNumber { if !inDigits { text.append("#") }; inDigits = true } else if !ch.isWhitespace { text.append(ch); inDigits = false }
        }
        guard text.count > edge.count else { return nil }
        let step = LayoutTolerances.runningLineStep
        let y = top ? (b.y0 / step).rounded() : ((pageHeight - b.y1) / step).rounded()
        return Key(text: text, step: Int(y))
    }

    /// A page number line (`Page 6 of 13`, `Page 6`, `6 of 13`): page furniture in either
    /// band, even on a page where OCR set it a little apart from the others.
    static func isPageNumber(_ key: Key) -> Bool {
        ["page#of#", "page#", "#of#", "page#/#"].contains(key.text.dropFirst(2))
    }

    /// Which lines stay on the page: every line that is not running, and a running line set
    /// tightly (under half a line apart) above a line that stays — a table header repeated at
    /// the top of each page it continues on is part of the table, not page furniture. Lines
    /// are in reading order; each looks only at the lines within half a line below it.
    static func keptLines(_ lines: [TextLine], running: [Bool]) -> [Bool] {
        var keep = running.map { !$0 }
        for i in lines.indices.reversed() where running[i] {
            guard let b = lines[i].box else { continue }
            let h = b.height
            // (a short label, such as the `£m` over a header's figure columns, may stand two lines apart)
            let text = lines[i].text
            let short = text.count <= LayoutTolerances.shortLabelMaxLength && !text.allSatisfy { $0.isNumber || $0.isWhitespace }
            let reach = short ? LayoutTolerances.shortLabelKeepReach : LayoutTolerances.runningKeepReach
            var j = i + 1
            while j < lines.count, let nb = lines[j].box, nb.y0 <= b.y1 + reach * h {
                if nb.y0 > b.y0 + LayoutTolerances.belowLineOffset * h, nb.x0 < b.x1, nb.x1 > b.x0, keep[j] { keep[i] = true; break }
                j += 1
            }
            // a header row over a table row: two or more cells starting where the next line's
            // do; or three or more (page furniture has fewer), each over a cell of one of the
            // next four lines within four line heights (rows may open with wrapped labels; a
            // centred label over a right-aligned figure overlaps it)
            if !keep[i], let segs = lines[i].cellBoxes, segs.count >= LayoutTolerances.headerOverRowMinCells {
                let wide = segs.count >= LayoutTolerances.wideHeaderMinCells
                let align = LayoutTolerances.headerCellAlignment
                keep[i] = lines[(i + 1)...].prefix(wide ? LayoutTolerances.wideHeaderLookahead : 1).indices.contains { k in
                    guard keep[k], let nb = lines[k].box, nb.y0 > b.y0 + LayoutTolerances.belowLineOffset * h,
                          let below = lines[k].cellBoxes, below.count >= LayoutTolerances.headerOverRowMinCells else { return false }
                    if wide, nb.y0 - b.y1 <= LayoutTolerances.wideHeaderReach * h,
                       segs.allSatisfy({ s in below.contains { $0.x0 < s.x1 + align && $0.x1 > s.x0 - align } }) { return true }
                    return nb.y0 - b.y1 <= LayoutTolerances.narrowHeaderReach * h && segs.allSatisfy { s in below.contains { abs($0.x0 - s.x0) <= align } }
                }
            }
        }
        return keep
    }

    /// Pages with the running lines taken out, and each running line's text once (first page's wording).
    public static func strip(_ pages: [PageText]) -> (pages: [PageText], headers: [String]) {
        let geometric = pages.filter { $0.height != nil && !$0.lines.isEmpty }
        guard geometric.count >= LayoutTolerances.runningMinPages else { return (pages, []) }

        var counts: [Key: Int] = [:]
        for p in geometric {
            let keys = Set(p.lines.compactMap { key($0, pageHeight: p.height!) }.flatMap(\.neighbours))
            for k in keys { counts[k, default: 0] += 1 }
        }
        let needed = max(LayoutTolerances.runningMinPages, Int((Double(geometric.count) * LayoutTolerances.runningPageShare).rounded(.up)))

        func isRunning(_ k: Key) -> Bool { counts[k, default: 0] >= needed }
        guard counts.values.contains(where: { $0 >= needed }) else { return (pages, []) }
        var headers: [String] = []
        var seen: Set<String> = []
        let out = pages.map { p -> PageText in
            guard let h = p.height else { return p }
            var q = p
            let keys = p.lines.map { key($0, pageHeight: h) }
            let running = keys.map { k in k.map { isRunning($0) || isPageNumber($0) } ?? false }
            let keep = keptLines(p.lines, running: running)
            q.lines = p.lines.indices.filter { i in
                guard !keep[i], let k = keys[i] else { return true }
                if seen.insert(k.text).inserted, !p.lines[i].text.allSatisfy({ $0.isNumber || $0.isWhitespace }) { headers.append(p.lines[i].text) }
                return false
            }.map { p.lines[$0] }
            return q
        }
        return (out, headers)
    }
}
