import Foundation
import ScrutinyCore

/// Words → lines in reading order (top to bottom, left to right), with cells split at wide
/// gaps, bold and heading levels from font size relative to the page's body size.
/// Groups words with boxes into lines (vertical overlap) and lines into cells (wide gaps):
/// shared by the PDF text layer and OCR so both reach layout in the same shape.
public enum LineBuilder {
    public static func lines(_ words: [Word]) -> [TextLine] {
        let sorted = words.sorted { ($0.box!.y0, $0.box!.x0) < ($1.box!.y0, $1.box!.x0) }
        var groups: [(box: Box, words: [Word])] = []
        var open: [Int] = []   // indices into groups still able to take words
        for w in sorted {
            let b = w.box!
            open.removeAll { groups[$0].box.y1 < b.y0 }
            var best: Int?
            var bestOverlap = 0.5
            for g in open {
                let core = groups[g].box
                let ov = b.verticalOverlap(core)
                if ov > bestOverlap, !stacks(b, on: groups[g].words) { bestOverlap = ov; best = g }
            }
            if let g = best {
                groups[g].words.append(w)
                let gb = groups[g].box
                // grow horizontally only, so a line's band stays that of its first words
                groups[g].box = Box(x0: min(gb.x0, b.x0), y0: gb.y0, x1: max(gb.x1, b.x1), y1: gb.y1)
            } else {
                groups.append((b, [w]))
                open.append(groups.count - 1)
            }
        }
        let body = bodySize(words)
        var lines: [TextLine] = []
        lines.reserveCapacity(groups.count)
        for g in groups {
            let ws = g.words.sorted { $0.box!.x0 < $1.box!.x0 }
            lines.append(makeLine(ws, bodySize: body))
        }
        return lines.sorted { ($0.box!.y0 + $0.box!.y1) < ($1.box!.y0 + $1.box!.y1) }
    }

    /// Whether `b` sits above or below one of `words` rather than beside it: words of one
    /// line never share their horizontal extent, so a word that overlaps another by half
    /// the narrower's width but not by half the shorter's height is on another printed line
    /// (two-line header cells, which a tall OCR box or a joined speck would otherwise fuse).
    static func stacks(_ b: Box, on words: [Word]) -> Bool {
        words.contains { w in
            let o = w.box!
            let across = min(b.x1, o.x1) - max(b.x0, o.x0)
            return across > PageGeometryTolerances.stackedAcross * min(b.width, o.width) && b.verticalOverlap(o) < PageGeometryTolerances.stackedVerticalOverlap
        }
    }

    /// The most common font size, weighted by characters.
    static func bodySize(_ words: [Word]) -> Double {
        var count: [Double: Int] = [:]
        for w in words { count[((w.fontSize ?? 0) * 2).rounded() / 2, default: 0] += w.text.count }
        return count.max { $0.value < $1.value }?.key ?? PageGeometryTolerances.fallbackBodySize
    }

    static func makeLine(_ ws: [Word], bodySize: Double) -> TextLine {
        let heights = ws.map { $0.box!.height }.sorted()
        let h = heights[heights.count / 2]
        var cells: [String] = []
        var cellBoxes: [Box] = []
        var current = ""
        var cbox: Box?
        var prev: Box?
        for w in ws {
            let b = w.box!
            if let p = prev, b.x0 - p.x1 > PageGeometryTolerances.cellGap * h, let cb = cbox {
                cells.append(current); cellBoxes.append(cb); current = ""; cbox = nil
            }
            current += current.isEmpty ? w.text : " " + w.text
            cbox = cbox.map { $0.union(b) } ?? b
            prev = b
        }
        if let cb = cbox { cells.append(current); cellBoxes.append(cb) }
        let size = ws.compactMap(\.fontSize).max() ?? bodySize
        let chars = ws.reduce(0) { $0 + $1.text.count }
        let boldChars = ws.filter(\.bold).reduce(0) { $0 + $1.text.count }
        var level: Int?
        let ratio = size / max(1, bodySize)
        if chars <= PageGeometryTolerances.headingMaxCharacters, cells.count == 1 {
            if ratio >= PageGeometryTolerances.headingLevel1 { level = 1 } else if ratio >= PageGeometryTolerances.headingLevel2 { level = 2 } else if ratio >= PageGeometryTolerances.headingLevel3 { level = 3 }
        }
        return TextLine(cells: cells, cellBoxes: cellBoxes, box: Box.enclosing(cellBoxes), words: ws,
                        bold: boldChars * 5 >= chars * PageGeometryTolerances.boldFifths, headingLevel: level, fontSize: size)
    }
}
