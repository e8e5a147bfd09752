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
            if interleave(t, c, c + 1) || speckSplitColumn(t, c, c + 1) {
                t = mergingColumn(c + 1, into: c, of: t)
            } else {
                c += 1
            }
        }
        return t
    }

    /// `SpeckSplitColumn`: on a scan, a speck that OCR reads as a short lower-case word (`it`,
    /// `wv`) left of a figure opens a column of its own, and the figure moves into a column
    /// the header does not label. A column with no header label, right of a labelled one,
    /// is one with it when, in every body row, at most one of the two says anything (a figure,
    /// a placeholder, a word) and the rest is such a speck, and a speck sits beside a figure. Only on tables read by OCR; a text layer
    /// has no specks, and a placeholder (`NA`, `-`) is no speck.
    static func speckSplitColumn(_ t: Table, _ a: Int, _ b: Int) -> Bool {
        guard t.rows.contains(where: { $0.confidence != nil }), !t.rows.isEmpty,
              t.headerRows.contains(where: { !cell($0, a).isEmpty }),
              t.headerRows.allSatisfy({ cell($0, b).isEmpty }) else { return false }
        var speckBesideFigure = false
        for row in t.rows.map(\.cells) {
            let x = cell(row, a), y = cell(row, b)
            // at most one of the two says something (a figure, a placeholder, a word)
            let said = [x, y].filter { !$0.isEmpty && !isOCRSpeck($0) }
            if said.count > 1 { return false }
            if holdsFigure(y) && isOCRSpeck(x) { speckBesideFigure = true }
        }
        return speckBesideFigure
    }

    /// A cell that is a short run of lower-case letters or punctuation (`it`, `wv`, `'`).
    static func isOCRSpeck(_ cell: String) -> Bool {
        !cell.isEmpty && cell.count <= LayoutTolerances.speckMaxLength && cell.allSatisfy { $0.isLowercase || ($0.isPunctuation && $0 != "-") }
    }

    /// Whether a cell holds a digit (a figure, as far as column geometry is concerned).
    static func holdsFigure(_ cell: String) -> Bool { cell.contains(where: \.isNumber) }

    static func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i].trimmingWhitespace() : "" }

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
        !cell.isEmpty && cell.count <= LayoutTolerances.speckMaxLength && !cell.contains
 { $0.isLetter || $0.isNumber }
    }

    static func mergingColumn(_ b: Int, into a: Int, of t: Table) -> Table {
        func merge(_ row: [String]) -> [String] {
            guard b < row.count else { return row }
            var r = row
            let kept = r[a].trimmingWhitespace()
            let moved = r[b].trimmingWhitespace()
            if kept.isEmpty || ((isSpeck(kept) || isOCRSpeck(kept)) && !moved.isEmpty) { r[a] = r[b] }
            r.remove(at: b)
            return r
        }
        var out = t
        out.headerRows = t.headerRows.map(merge)
        out.rows = t.rows.map { var r = $0; r.cells = merge(r.cells); return r }
        return out
    }
}
