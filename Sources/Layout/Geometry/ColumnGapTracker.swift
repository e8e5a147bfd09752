import ScrutinyCore

/// `TextColumnsAreNoTableRows` rule: a table's rows leave the same column gaps blank line
/// after line; page text set in two (or more) columns under a table also makes lines of
/// two segments, but each of its segments is a run of prose as wide as half the page that
/// runs straight across the table's column gaps. Such a line ends the table (the block of
/// aligned lines), where a table row would only narrow a gap or fill an empty cell.
/// Counter-examples: a row whose long label runs into the next column's blank space narrows
/// a gap without bridging it; a single row spanning one gap (a sub-total label) is below
/// `LayoutTolerances.columnChangeMinGapsBridged`; figures under a header of narrow stacked
/// words bridge the header's gaps but are not running text.
///
/// Kept incrementally as the block grows, so a block of n lines costs n passes over its
/// width, not n².
struct ColumnGapTracker {
    /// How many of the block's segments cover each whole point from `origin` on.
    private var cover: [Int] = []
    private var origin = 0

    /// Adds a table line's segments to the block's coverage.
    mutating func add(_ line: TextLine) {
        for s in TableFinder.segments(line) {
            let a = Int(s.x0.rounded(.down)), b = Int(s.x1.rounded(.up))
            guard b >= a else { continue }
            if cover.isEmpty { origin = a; cover = [Int](repeating: 0, count: b - a + 1) }
            if a < origin {
                cover.insert(contentsOf: [Int](repeating: 0, count: origin - a), at: 0)
                origin = a
            }
            if b - origin + 1 > cover.count { cover += [Int](repeating: 0, count: b - origin + 1 - cover.count) }
            for x in (a - origin)...(b - origin) { cover[x] += 1 }
        }
    }

    /// The block's column gaps (blank runs at least `alignmentMinGap` wide, with covered
    /// points on both sides) that one segment of running text in `line` runs wholly across,
    /// counted over all its segments. A cell of figures or a short label (a header word
    /// stacked over a wider figure) bridges nothing.
    func gapsBridged(by line: TextLine) -> Int {
        var bridged = 0
        let boxes = TableFinder.segments(line)
        let texts = boxes.count == line.cells.count ? line.cells : [line.text]
        for (s, text) in zip(boxes, texts) where Self.isRunningText(text) {
            let a = Int(s.x0.rounded(.up)) - origin, b = Int(s.x1.rounded(.down)) - origin
            guard a < cover.count, b > 0 else { continue }
            let end = min(b, cover.count - 1)
            var x = max(a, 0)
            // only runs with a covered point before them inside the segment count
            var seenCover = false
            while x <= end {
                if cover[x] > 0 { seenCover = true; x += 1; continue }
                let runStart = x
                while x <= end, cover[x] == 0 { x += 1 }
                let closed = x <= end && cover[x] > 0
                if seenCover, closed, x - runStart >= LayoutTolerances.alignmentMinGap { bridged += 1 }
            }
        }
        return bridged
    }

    /// A segment of running text: several words, some in lower case.
    static func isRunningText(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).count >= LayoutTolerances.textColumnMinWords && text.contains(where: \.isLowercase)
    }

    /// Whether `line` runs across enough of the block's column gaps to be page text, not a row.
    func bridgesColumnGaps(_ line: TextLine) -> Bool {
        gapsBridged(by: line) >= LayoutTolerances.columnChangeMinGapsBridged
    }
}
