import Foundation
import ScrutinyCore

/// Reads the one figure a table cell holds (`78.2%*`, `£2.257m.`, `117/147 (56%)`),
/// or nil when it holds none or several that cannot honestly be reduced to one.
public enum FigureParser {
    /// Parses a cell. `scale` multiplies non-percent figures (a column headed `£000` gives 1000,
    /// and any scale other than 1 marks the figure as money); `moneyContext` says the measure
    /// is in pounds, so a bare `7.6m` is read as £7.6m.
    public static func parse(_ cell: String, scale: Double = 1, moneyContext: Bool = false) -> Figure? {
        // the extractors and the coverage count read the same cells again and again
        parsedCells.value(for: CellKey(cell: cell, scale: scale, moneyContext: moneyContext)) { key in
            let text = TextCleaner.collapseWhitespace(TextCleaner.stripMarkup(key.cell))
            guard !isPlaceholder(text), let token = FigureReducer.reduce(FigureTokenizer.tokens(in: text)) else { return nil }
            return token.figure(scale: key.scale, moneyContext: key.moneyContext || key.scale != 1)
        }
    }

    struct CellKey: Hashable {
        var cell: String
        var scale: Double
        var moneyContext: Bool
    }

    /// Figures of cells already parsed (an archive's cells are mostly distinct across papers).
    static let parsedCells = BoundedMemo<CellKey, Figure>(capacity: MemoCapacity.cells)

    /// Whether a cell is a figure, as a value cell prints it: it opens with a figure (after
    /// a sign, a bracket, a currency or comparison sign) and holds one that `parse` reads
    /// (`78.2%`, `£3.50m`, `49 (Green)`, `<5`); `KPI 16 Percentage of …` is a title, not a figure.
    public static func isFigureCell(_ cell: String) -> Bool { figureCell(cell) != nil }

    /// The figure of a cell that `isFigureCell` accepts, parsed once; nil for any other cell.
    public static func figureCell(_ cell: String) -> Figure? {
        let t = cell.trimmingWhitespace()
        guard let first = t.unicodeScalars.first(where: { !"-–+(£$€<>~≈ ".unicodeScalars.contains($0) }),
              ("0"..."9").contains(first) || first == "." else { return nil }
        return parse(t)
    }

    /// True for a cell that states a figure even when it holds several that cannot honestly
    /// be reduced to one (`Forecast Gross £92.1m. Net £49.5m.`): such a cell is still an
    /// actual or target the paper prints, so its row is a record with the figure null and
    /// the text kept (the contract's rule). Needs a money sign or a percent beside digits.
    public static func statesFigure(_ cell: String) -> Bool {
        if isFigureCell(cell) { return true }
        return cell.contains(statedFigure)
    }

    nonisolated(unsafe) static let statedFigure = /[£$€]\s?\d|\d\s?%/

    /// True for cells that say there is no figure: blank, `NA`, `N/A`, `TBC`, `TBD`, `*`, `-`.
    static func isPlaceholder(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: placeholderTrim).lowercased()
        if t.isEmpty { return true }
        return placeholderWords.contains(t)
    }

    /// What `isPlaceholder` trims off first (built once, not on every cell).
    static let placeholderTrim = CharacterSet(charactersIn: " .*-–—_?")
    /// Placeholder cells, trimmed and lower-cased.
    static let placeholderWords: Set<String> = ["na", "n/a", "n.a", "n. a", "nk", "n/k", "tbc", "tbd", "tba", "nil return",
                                                "not available", "not applicable", "no data", "none", "not known",
                                                "awaiting data", "data not available", "x"]
}
