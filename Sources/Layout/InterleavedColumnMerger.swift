import Foundation
import ScrutinyCore

/// Councils centre words and right-align figures in the same column, so the geometry can
/// cut one printed column in two: `PI-01` and `GREEN` land in one, `684` in its neighbour.
/// Two adjacent columns are one when no row (header or body) fills both, each has body
/// cells of its own, and the header labels at most one of them: their cells interleave.
/// So is a header label printed just left of the figures it heads, over a blank body.
/// A genuinely sparse grid keeps its columns because its header labels both
/// (`Jul-24 | Aug-24` over a row with a blank July).
public enum InterleavedColumnMerger {
    public static func merged(_ table: Table) -> Table {
        var t = table
        var c = 0
        while c + 1 < t.columnCount {
            if interleave(t, c, c + 1) {
                t = mergingColumn(c + 1, into: c, of: t)
            } else {
                c += 1
            }
        }
        return t
    }

    static func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : "" }

    static func interleave(_ t: Table, _ a: Int, _ b: Int) -> Bool {
        for row in t.headerRows where !cell(row, a).isEmpty && !cell(row, b).isEmpty { return false }
        // each column holds body cells of its own (a column blank down the body is a blank period, not half a column)
        var aFilled = false, bFilled = false
        for row in t.rows.map(\.cells) {
            let x = !cell(row, a).isEmpty, y = !cell(row, b).isEmpty
            if x && y && !isSpeck(cell(row, a)) && !isSpeck(cell(row, b)) { return false }
            aFilled = aFilled || x; bFilled = bFilled || y
        }
        guard !t.rows.isEmpty else { return false }
        let aLabelled = t.headerRows.contains { !cell($0, a).isEmpty }
        // a label printed left of its right-aligned figures: a header-only column just left
        // of a body-only column with a blank header
        if aLabelled, !aFilled, bFilled, !t.headerRows.contains(where: { !cell($0, b).isEmpty }) { return true }
        guard aFilled, bFilled else { return false }
        // the header must not label both; a body cell must sit in the column the header leaves blank
        let headerLabelsBoth = t.headerRows.contains { !cell($0, a).isEmpty } && t.headerRows.contains { !cell($0, b).isEmpty }
        return !headerLabelsBoth
    }

    /// A cell of bare punctuation (`*`, `'`, `·`): on a scan, a speck beside the figure;
    /// it does not stop two halves of a column from being one, and gives way to the figure.
    static func isSpeck(_ cell: String) -> Bool {
        !cell.isEmpty && cell.count <= 2 && !cell.contains { $0.isLetter || $0.isNumber }
    }

    static func mergingColumn(_ b: Int, into a: Int, of t: Table) -> Table {
        func merge(_ row: [String]) -> [String] {
            guard b < row.count else { return row }
            var r = row
            let kept = r[a].trimmingCharacters(in: .whitespaces)
            if kept.isEmpty || (isSpeck(kept) && !r[b].trimmingCharacters(in: .whitespaces).isEmpty) { r[a] = r[b] }
            r.remove(at: b)
            return r
        }
        var out = t
        out.headerRows = t.headerRows.map(merge)
        out.rows = t.rows.map { var r = $0; r.cells = merge(r.cells); return r }
        return out
    }
}
