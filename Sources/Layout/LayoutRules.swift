import ScrutinyCore

/// The registry of the layout stage's rules: every decision the stage takes from the
/// typesetting conventions of council papers has one protocol, and the rules of each
/// decision are listed here in the order they are asked. The first rule with a verdict
/// decides; a rule that does not apply says nil.
///
/// To add a rule: write a small type conforming to the decision's protocol, its doc comment
/// stating the convention of council papers it encodes (the convention's name in backticks,
/// as tests and other comments call it), its thresholds in `LayoutTolerances`, a test that
/// fires it and a counter-example that must not, and list it below.
enum LayoutRules {
    /// Whether a table line joins the row above it or starts a row (`TableGrid.joinsRow`).
    /// No verdict from any rule: it starts a row.
    static let rowJoining: [any RowJoiningRule] = [
        RowUnderColumnLabels(), CentredCellsShareARow(), CentredRowIsComplete(),
        RuleBandIsOneRow(), WrappedCellText(), WrappedProseJoinsRow(),
    ]

    /// How an aligned block's column boundaries, found where its segments leave the page
    /// blank, are corrected (`TableFinder.blockSeparators`), applied in turn.
    static let columnSplitting: [any ColumnSplittingRule] = [ExclusiveColumnsAreOne(), TokenLabelsSplitColumns()]

    /// Whether a line of several segments is kept out of unruled tables
    /// (`TableFinder.alignedBlock`).
    static let lineClassification: [any TableLineRule] = [ListItemIsNoTableRow(), ProseGoesOnIsNoTableRow()]

    /// Header rows told from the structure of a table's top rows, asked before any caption
    /// lines are looked for (`HeaderRowDetector.split`).
    static let groupedHeaders: [any HeaderRowsRule] = [NestedGroupHeader(), StubLabelOverGroupedHeader()]

    /// Header rows asked below the table's caption lines (`HeaderRowDetector.split`).
    static let headerRows: [any HeaderRowsRule] = [ColumnLabelRow(), UnitsRowOverLabels()]

    /// Whole-table repairs after a table is assembled (`TableAssembler.makeTable`), applied in turn.
    static let tableRepairs: [any TableRepairRule] = [InterleavedColumnsAreOne(), TwoFiguresInOneCellAreTwoColumns()]
}

// MARK: row joining

/// A line of a table region with the row above it and what the grid knows around them.
struct RowJoiningCase {
    var grid: TableGrid
    var line: TableGrid.GridLine
    var last: TableGrid.Row
    var rows: [TableGrid.Row]
    /// Indices of the lines in the line's rule band.
    var band: [Int]
    var placed: [TableGrid.GridLine]
    var census: TableGrid.BandCensus
    var spacing: TableGrid.RowSpacing
    /// No row so far holds a figure.
    var noFiguresYet: Bool { !rows.contains { $0.holdsFigure } }
}

/// A rule deciding whether a table line joins the row above it: true joins, false starts
/// a row, nil leaves it to the next rule.
protocol RowJoiningRule: Sendable {
    func verdict(_ c: RowJoiningCase) -> Bool?
}

/// `RowUnderColumnLabels` (`TableGrid.rowUnderColumnLabels`): a named line under a single
/// line of column labels starts the body.
struct RowUnderColumnLabels: RowJoiningRule {
    func verdict(_ c: RowJoiningCase) -> Bool? {
        TableGrid.rowUnderColumnLabels(line: c.line.cells, labels: c.last.cells, labelLines: c.last.lines.count)
            && c.noFiguresYet ? false : nil
    }
}

/// `CentredCellsShareARow` (`TableGrid.overlapsLastLine`): a line overlapping the row's
/// last line in height is in that row.
struct CentredCellsShareARow: RowJoiningRule {
    func verdict(_ c: RowJoiningCase) -> Bool? { TableGrid.overlapsLastLine(c.line, of: c.last) ? true : nil }
}

/// `CentredRowIsComplete` (`TableGrid.centredRowIsComplete`): a label line below a row whose
/// figures are centred against its complete label starts the next row.
struct CentredRowIsComplete: RowJoiningRule {
    func verdict(_ c: RowJoiningCase) -> Bool? { TableGrid.centredRowIsComplete(c.line, c.last) ? false : nil }
}

/// `RuleBandIsOneRow` (`TableGrid.bandIsOneRow`): the lines of one rule band are one row.
struct RuleBandIsOneRow: RowJoiningRule {
    func verdict(_ c: RowJoiningCase) -> Bool? {
        c.grid.bandIsOneRow(c.line, c.last, band: c.band, placed: c.placed, census: c.census,
                            noFiguresYet: { c.noFiguresYet }) ? true : nil
    }
}

/// `WrappedCellText` (`TableGrid.continues`): a line close below, without figures, filling
/// fewer of the row's columns, wraps the row's text.
struct WrappedCellText: RowJoiningRule {
    func verdict(_ c: RowJoiningCase) -> Bool? {
        guard let prev = c.last.lines.last else { return nil }
        return c.grid.continues(c.line.line, cells: c.line.cells, after: prev, previous: c.last.cells) ? true : nil
    }
}

/// `WrappedProseJoinsRow` (`TableGrid.RowSpacing.wrapsRow`): where rows are set apart, a
/// line at line spacing going on in lower case wraps the row above.
struct WrappedProseJoinsRow: RowJoiningRule {
    func verdict(_ c: RowJoiningCase) -> Bool? {
        guard let prev = c.last.lines.last else { return nil }
        return c.spacing.wrapsRow(c.line.line, c.line.cells, after: prev, c.last.cells) ? true : nil
    }
}

// MARK: column splitting

/// A correction of an aligned block's column boundaries (x, ascending).
protocol ColumnSplittingRule: Sendable {
    func separators(_ separators: [Double], in block: [TextLine]) -> [Double]
}

/// `ExclusiveColumnsAreOne` (`TableFinder.mergeExclusiveColumns`): two columns no line fills
/// both of, bridged by some line's segment, are one column.
struct ExclusiveColumnsAreOne: ColumnSplittingRule {
    func separators(_ separators: [Double], in block: [TextLine]) -> [Double] {
        TableFinder.mergeExclusiveColumns(separators, block)
    }
}

/// `TokenLabelsSplitColumns` (`TableFinder.headerTokenSeparators`): dates or years set close
/// in a label line, with nothing crossing between them, are a column each.
struct TokenLabelsSplitColumns: ColumnSplittingRule {
    func separators(_ separators: [Double], in block: [TextLine]) -> [Double] {
        TableFinder.headerTokenSeparators(separators, block)
    }
}

// MARK: line classification

/// A rule keeping a line of several segments out of unruled tables: true when line `i` of
/// `lines` is no table line (`startsBlock`: it would open a table).
protocol TableLineRule: Sendable {
    func rejects(_ lines: [TextLine], at i: Int, startsBlock: Bool) -> Bool
}

/// `ListItemIsNoTableRow` (`TableFinder.isListItem`): a bullet set apart from its text is a
/// list item, not a row of two columns.
struct ListItemIsNoTableRow: TableLineRule {
    func rejects(_ lines: [TextLine], at i: Int, startsBlock: Bool) -> Bool { TableFinder.isListItem(lines[i]) }
}

/// `ProseGoesOnIsNoTableRow` (`TableFinder.continuesProse`): a paragraph's last line split
/// by a wide word space does not open a table.
struct ProseGoesOnIsNoTableRow: TableLineRule {
    func rejects(_ lines: [TextLine], at i: Int, startsBlock: Bool) -> Bool {
        startsBlock && TableFinder.continuesProse(lines, at: i)
    }
}

// MARK: header detection

/// A rule telling how many of a table's rows, from row `start`, are header rows; nil when
/// it does not apply.
protocol HeaderRowsRule: Sendable {
    func headerRows(_ rows: [[String]], at start: Int) -> Int?
}

/// `NestedGroupHeader` (`HeaderRowDetector.nestedGroupHeaderRows`): three or more levels of
/// labels under a stub label.
struct NestedGroupHeader: HeaderRowsRule {
    func headerRows(_ rows: [[String]], at start: Int) -> Int? { HeaderRowDetector.nestedGroupHeaderRows(rows, at: start) }
}

/// `StubLabelOverGroupedHeader` (`HeaderRowDetector.stubLabelOverGroupedHeader`): a stub
/// label beside group labels over the labels they span: two header rows.
struct StubLabelOverGroupedHeader: HeaderRowsRule {
    func headerRows(_ rows: [[String]], at start: Int) -> Int? {
        HeaderRowDetector.stubLabelOverGroupedHeader(rows, at: start) ? 2 : nil
    }
}

/// `ColumnLabelRow` (`HeaderRowDetector.isHeaderLike`, `fillsSpan`): a row of column labels
/// is the header, with the row under it when that one fills the blanks a label of the
/// first spans (years under `Year`).
struct ColumnLabelRow: HeaderRowsRule {
    func headerRows(_ rows: [[String]], at start: Int) -> Int? {
        let first = rows[start]
        let next = start + 1 < rows.count ? rows[start + 1] : nil
        guard HeaderRowDetector.isHeaderLike(first, next: next) else { return nil }
        if let second = next, start + 2 < rows.count, HeaderRowDetector.fillsSpan(upper: first, lower: second),
           !second.contains(where: { FigureShape.isFigure($0) && !TableGrid.yearish($0) }) {
            return 2
        }
        return 1
    }
}

/// `UnitsRowOverLabels` (`HeaderRowDetector.isUnitsRow`): a line of units (`£m` over the
/// figure columns) above a row of column labels: two header rows.
struct UnitsRowOverLabels: HeaderRowsRule {
    func headerRows(_ rows: [[String]], at start: Int) -> Int? {
        guard HeaderRowDetector.isUnitsRow(rows[start]), start + 2 < rows.count,
              HeaderRowDetector.isHeaderLike(rows[start + 1], next: rows[start + 2]) else { return nil }
        return 2
    }
}

// MARK: table repairs

/// A repair of an assembled table.
protocol TableRepairRule: Sendable {
    func repaired(_ table: Table) -> Table
}

/// `InterleavedColumnsAreOne` (`InterleavedColumnMerger`): two adjacent columns no row fills
/// both of, the header labelling at most one, are one printed column cut in two (centred
/// words, right-set figures).
struct InterleavedColumnsAreOne: TableRepairRule {
    func repaired(_ table: Table) -> Table { InterleavedColumnMerger.merged(table) }
}

/// `TwoFiguresInOneCellAreTwoColumns` (`FigurePairSplitter`): two figures in one cell beside
/// an empty cell of a figure column go one to each column.
struct TwoFiguresInOneCellAreTwoColumns: TableRepairRule {
    func repaired(_ table: Table) -> Table { FigurePairSplitter.split(table) }
}
