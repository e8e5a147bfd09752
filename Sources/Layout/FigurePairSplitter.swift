import ScrutinyCore

/// `TwoFiguresInOneCellAreTwoColumns` rule: council tables set their figure columns close
/// together, and a narrow gap (or a scan's skew) can put two neighbouring figures in one cell
/// (`89 93`, `86.62% 78.00%`) while the cell beside them stays empty. A cell that holds exactly
/// two figures, next to an empty cell of a column that holds a figure in most other body
/// rows, is two cells: the figures go one to each column, in print order.
/// Counter-examples: a cell that is one figure with a space (`- 3.5`, `£ 4.5m`), a figure
/// with a note (`62% (117/147)`), two figures beside a column that holds words or is
/// mostly empty (nothing says the cell was cut), and two figures with no empty neighbour.
public enum FigurePairSplitter {
    public static func split(_ table: Table) -> Table {
        guard table.rows.count >= LayoutTolerances.figurePairMinRows else { return table }
        var t = table
        let width = table.columnCount
        let figureColumns = (0..<width).map { isFigureColumn(table, $0) }
        for r in t.rows.indices {
            var cells = t.rows[r].cells
            for c in cells.indices {
                guard let (first, second) = figurePair(cells[c]) else { continue }
                if c > 0, cells[c - 1].isEmpty, figureColumns[c - 1], figureColumns[c] {
                    cells[c - 1] = first; cells[c] = second
                } else if c + 1 < cells.count, cells[c + 1].isEmpty, figureColumns[c + 1], figureColumns[c] {
                    cells[c] = first; cells[c + 1] = second
                }
            }
            t.rows[r].cells = cells
        }
        return t
    }

    /// A pair: two figures, no more.
    static let pairSize = 2

    /// The two figures of a cell that holds exactly two, and is not itself one figure.
    static func figurePair(_ cell: String) -> (String, String)? {
        guard asciiSpacedWords(cell, atMost: pairSize + 1) <= pairSize, !FigureShape.isFigure(cell) else { return nil }
        let tokens = cell.split(whereSeparator: \.isWhitespace)
        guard tokens.count == pairSize, tokens.allSatisfy({ FigureShape.isFigure(String($0)) }) else { return nil }
        return (String(tokens[0]), String(tokens[1]))
    }

    /// The number of runs of text between ASCII white space, counted up to `limit`: a cheap
    /// bound, never above the number of words (other white space only joins words), so a
    /// long comment cell is passed over without splitting it into words.
    static func asciiSpacedWords(_ cell: String, atMost limit: Int) -> Int {
        var words = 0, inWord = false
        for byte in cell.utf8 {
            let space = byte == 0x20 || (0x09...0x0D).contains(byte)
            if !space, !inWord { words += 1; if words >= limit { return words } }
            inWord = !space
        }
        return words
    }

    /// A column whose body cells are single figures in most rows.
    static func isFigureColumn(_ t: Table, _ c: Int) -> Bool {
        let figures = t.rows.filter { c < $0.cells.count && FigureShape.isFigure($0.cells[c]) }.count
        return LayoutTolerances.figureColumnShare.admits(figures, of: t.rows.count)
    }
}
