import ScrutinyCore

/// Building a region's rows: caption and header lines at the top, then each further line
/// either joined to the row above it or starting a row of its own, by the named rules below.
extension TableGrid {
    /// A line of the region with its words placed in the grid's columns.
    struct GridLine {
        var line: TextLine
        var cells: [String]
        var boxes: [Box?]
    }

    /// A table row being built: the lines joined into it, cell by cell.
    struct Row {
        var cells: [String]
        var boxes: [Box?]
        var lines: [TextLine]
        /// The rule band the row lies in; -1 for caption and header rows, which no later
        /// line joins.
        var band: Int
        /// The cells of the row's last line alone, as placed in the grid.
        var lastLineCells: [String]

        init(_ g: GridLine, band: Int) {
            cells = g.cells; boxes = g.boxes; lines = [g.line]; self.band = band; lastLineCells = g.cells
        }

        /// An empty row of `columns` cells for `lines`, outside every band.
        init(columns: Int, lines: [TextLine]) {
            cells = Array(repeating: "", count: columns)
            boxes = Array(repeating: nil, count: columns)
            self.lines = lines
            band = -1
            lastLineCells = cells
        }

        /// Adds filled `cells` after the row's own, column by column (only in the columns
        /// `include` takes), joined by `separator`.
        mutating func absorb(_ cells: [String], _ boxes: [Box?], separator: String, where include: (Int) -> Bool = { _ in true }) {
            for c in cells.indices where include(c) && !cells[c].isEmpty {
                self.cells[c] = self.cells[c].isEmpty ? cells[c] : self.cells[c] + separator + cells[c]
                self.boxes[c] = self.boxes[c].map { $0.union(boxes[c]!) } ?? boxes[c]
            }
        }

        var holdsFigure: Bool { cells.contains(where: FigureShape.isFigure) }
    }

    /// How the region's lines fall into its rule bands.
    struct BandCensus {
        /// Indices of the region's lines in each band.
        var lines: [Int: [Int]]
        /// Whether the region has row rules at all.
        var ruled: Bool
        /// Whether it is a dense cell grid (`DenseRuledGrid`).
        var dense: Bool
    }

    /// Rows for the region's lines (top to bottom), each one `TextLine` with `columnCount` cells.
    func rows(_ lines: [TextLine], region: Int) -> [TextLine] {
        let placed = lines.map { l in
            let (cells, boxes) = place(l)
            return GridLine(line: l, cells: cells, boxes: boxes)
        }
        let census = bandCensus(placed)
        var rows: [Row] = []
        var skip = 0
        if let header = headerRows(placed, census: census) {
            rows = header.rows
            skip = header.lines
        }
        let spacing = RowSpacing(lines, ruled: census.ruled)
        for g in placed.dropFirst(skip) {
            let b = band(of: g.line)
            if var last = rows.last, last.band == b,
               joinsRow(g, last, rows: rows, band: census.lines[b] ?? [], placed: placed, census: census, spacing: spacing) {
                last.absorb(g.cells, g.boxes, separator: "\n")
                last.lines.append(g.line)
                last.lastLineCells = g.cells
                rows[rows.count - 1] = last
                continue
            }
            rows.append(Row(g, band: b))
        }
        return rows.map { textLine($0, region: region) }
    }

    /// The band (0 above the first rule) a line's middle lies in.
    func band(of l: TextLine) -> Int {
        let y = l.box?.midY ?? 0
        var i = 0
        while i < bands.count, y > bands[i] { i += 1 }
        return i
    }

    /// Which lines lie in which band, and whether the region is a ruled or a dense grid.
    func bandCensus(_ placed: [GridLine]) -> BandCensus {

        var bandLines: [Int: [Int]] = [:]
        for (i, p) in placed.enumerated() { bandLines[band(of: p.line), default: []].append(i) }
        let ruled = !bands.isEmpty
        return BandCensus(lines: bandLines, ruled: ruled, dense: ruled && Self.isDenseGrid(Array(bandLines.values)))
    }

    /// `DenseRuledGrid` rule: a ruled grid where at least half of the bands holding lines
    /// hold a single line draws a rule under every row (a cell grid), so a band of several
    /// lines is one row of wrapped cells. Counter-example: a grid whose rules fall only
    /// every few rows (shading, group edges) holds several rows per band.
    static func isDenseGrid(_ bandLines: [[Int]]) -> Bool {
        let nonEmpty = bandLines.filter { !$0.isEmpty }
        return nonEmpty.count >= LayoutTolerances.denseGridMinBands
            && Double(nonEmpty.filter { $0.count == 1 }.count) >= LayoutTolerances.denseGridSingleLineShare * Double(nonEmpty.count)
    }

    // MARK: caption and header rows

    /// The caption and header rows at the top of the region and how many lines they take;
    /// nil when the region has no header printed on several lines.
    func headerRows(_ placed: [GridLine], census: BandCensus) -> (rows: [Row], lines: Int)? {
        let lead = Self.captionLineCount(placed)
        let labelBand = census.ruled && isLabelBand(placed, from: lead, census: census)
        let window = Array(placed[lead..<min(placed.count, lead + 1 + LayoutTolerances.groupLabelLinesBelow)])
        let groupFirst = window.count > 1 && !spannerSpans(ofLine: 0, in: window).isEmpty
        var headerLines = headerBlockLength(placed[lead...].map { ($0.line, $0.cells) }, labelsOnly: labelBand, groupLabelsFirst: groupFirst)
        if headerLines >= LayoutTolerances.multiLineHeaderMinLines {
            headerLines = headerFillingItsBand(placed, lead: lead, lines: headerLines, census: census)
        }
        guard headerLines >= LayoutTolerances.multiLineHeaderMinLines,
              headerKeepsItsBands(placed, header: lead..<(lead + headerLines)) else { return nil }
        let captions = placed.prefix(lead).map { Row($0, band: -1) }
        return (captions + joinedHeader(Array(placed[lead..<(lead + headerLines)])), lead + headerLines)
    }

    /// `HeaderFillsItsBand` rule: where a rule closes the header, every line above that rule
    /// is header, though one of them (the stub column's label printed on the header's last
    /// line, `Student and institutional characteristics`) reads too long for a label. Applies
    /// when the header's rule band holds no figures at all and the lines taken in hold words
    /// only. Counter-examples: a band that runs on into figures (no rule under the header),
    /// and a ruled card whose lines carry values in words and digits (`Actual 49 Target 48`),
    /// keep the header as found.
    func headerFillingItsBand(_ placed: [GridLine], lead: Int, lines: Int, census: BandCensus) -> Int {
        guard census.ruled else { return lines }
        let b = band(of: placed[lead + lines - 1].line)
        guard let members = census.lines[b], band(of: placed[lead].line) == b,
              !members.contains(where: { i in placed[i].cells.contains { FigureShape.isFigure($0) && !Self.yearish($0) } }),
              let last = members.max(), last >= lead + lines,
              Array(members.filter { $0 >= lead }) == Array(lead...last),
              // the lines taken in are words only: no digit outside a year
              ((lead + lines)...last).allSatisfy({ i in placed[i].cells.allSatisfy { Self.yearish($0) || !$0.contains(where: \.isNumber) } })
        else { return lines }
        return last - lead + 1
    }

    /// `CaptionLinesAboveHeader` rule: up to two lines at the top of a region holding only a
    /// label in the first column (`Targets`) are captions over the header, rows of their
    /// own. Counter-example: a line with a second cell filled is the header itself.
    static func captionLineCount(_ placed: [GridLine]) -> Int {
        var lead = 0
        while lead < min(LayoutTolerances.maxCaptionLinesAboveHeader, placed.count - 1),
              placed[lead].cells.indices.filter({ !placed[lead].cells[$0].isEmpty }) == [0] { lead += 1 }
        return lead
    }

    /// `LabelBandIsHeader` rule: a ruled grid whose first band (after any captions) holds two
    /// or more lines of labels only (no figures but years) is headed by that band, whatever
    /// its words. Counter-example: a first band with a figure in it is a body row.
    func isLabelBand(_ placed: [GridLine], from lead: Int, census: BandCensus) -> Bool {
        guard lead < placed.count else { return false }
        let members = census.lines[band(of: placed[lead].line)] ?? []
        return members.count >= LayoutTolerances.labelBandMinLines && members.allSatisfy { i in
            i >= lead && !placed[i].cells.contains { FigureShape.isFigure($0) && !Self.yearish($0) }
        }
    }

    /// `HeaderKeepsItsBands` rule: rules inside a header (the edges of the shading behind
    /// each line) may split it into several bands, but no band holds both header and body
    /// lines. Counter-example: header-like lines sharing a band with a body line are that
    /// band's row, not a header.
    func headerKeepsItsBands(_ placed: [GridLine], header: Range<Int>) -> Bool {
        guard !bands.isEmpty else { return true }
        let headerBands = Set(placed[header].map { band(of: $0.line) })
        return !placed[header.upperBound...].contains { headerBands.contains(band(of: $0.line)) }
    }

    /// `MultiLineHeaderIsOneRow` and `GroupLabelSplitsHeader` rules: a header printed on
    /// several lines is joined column by column into one row; when a group label spans
    /// several columns (`Performance Against:` over `Similar Authorities | National`), it
    /// is two rows: the group label whole in its first column with the other columns'
    /// labels, then the labels under the group. `NestedSpannerRulesSplitTheHeaderAgain`:
    /// where the labels under a group hold group labels of their own over spanner rules
    /// (`2007` over `Inadequate housing units` over `no. | (%)`), they split again, a row per
    /// level. Counter-example: labels under a group with no spanner rule of their own stay
    /// one row.
    func joinedHeader(_ lines: [GridLine]) -> [Row] {
        let found = groupLabelsOverSpannerRules(lines)
            ?? groupLabel(lines.map(\.line), cells: lines.map(\.cells)).map { (line: $0.line, spans: [$0.columns]) }
        guard let found else { return [joined(lines[...])] }
        return splitAtGroupLabels(lines, found)
    }

    /// The header rows of `lines` whose line `found.line` holds group labels spanning
    /// `found.spans`: that line with the other columns' labels, then the labels under the
    /// groups (split again where they sit on spanner rules of their own).
    func splitAtGroupLabels(_ lines: [GridLine], _ found: (line: Int, spans: [ClosedRange<Int>])) -> [Row] {
        var block = lines
        let (g, spans) = found
        for span in spans { block[g] = Self.wholeInFirstColumn(block[g], span) }
        let grouped = { (c: Int) in spans.contains { $0.contains(c) } }
        var upper = joined(block[...g])
        let rest = joined(block[(g + 1)...])
        upper.absorb(rest.cells, rest.boxes, separator: " ", where: { !grouped($0) })
        let under = block[(g + 1)...].map { l -> GridLine in
            var l = l
            for c in l.cells.indices where !grouped(c) { l.cells[c] = ""; l.boxes[c] = nil }
            return l
        }.filter { $0.cells.contains { !$0.isEmpty } }
        if let nested = groupLabelsOverSpannerRules(under) { return [upper] + splitAtGroupLabels(under, nested) }
        return [upper, joined(block[(g + 1)...], where: grouped)]
    }

    /// `SpannerRuleUnderGroupLabel` rule: a group label is underlined by a short rule drawn
    /// across just the columns it heads (`All items` over a rule over `Number | Percent`;
    /// `Percent Fuel Savings` over four ruled columns), so the header line whose cells sit
    /// on such rules is a line of group labels, each spanning the columns whose labels below
    /// lie over its rule, from the first of them. Counter-examples: a rule under a single
    /// column's label (an underlined label), and a rule across the whole table (the header's
    /// closing rule), and a rule under two labels of the line (a grid's inner rule).
    func groupLabelsOverSpannerRules(_ block: [GridLine]) -> (line: Int, spans: [ClosedRange<Int>])? {
        guard !spannerRules.isEmpty, block.count > 1 else { return nil }
        for g in 0..<(block.count - 1) {
            let spans = spannerSpans(ofLine: g, in: block)
            if !spans.isEmpty { return (g, spans) }
        }
        return nil
    }

    /// Whether rule `r` is drawn just under `label` (`SpannerRuleUnderGroupLabel`): its top
    /// below the label's middle and at most `spannerRuleMaxGap` label heights below its foot,
    /// running under at least `spannerRuleMinCover` of the label's width.
    static func underlines(_ r: Box, _ label: Box) -> Bool {
        r.y0 >= label.midY && r.y0 - label.y1 <= LayoutTolerances.spannerRuleMaxGap * label.height
            && min(r.x1, label.x1) - max(r.x0, label.x0) >= LayoutTolerances.spannerRuleMinCover * label.width
    }

    /// The column spans of the group labels on line `g` of `block` that sit on spanner rules.
    func spannerSpans(ofLine g: Int, in block: [GridLine]) -> [ClosedRange<Int>] {
        guard !spannerRules.isEmpty else { return [] }
        var spans: [ClosedRange<Int>] = []
        let labels = block[g].boxes.compactMap { $0 }
        for label in labels {
            let rules = spannerRules.filter { r in
                Self.underlines(r, label) && !labels.contains { $0 != label && $0.midX > r.x0 && $0.midX < r.x1 }
            }
            guard let rule = rules.min(by: { $0.y0 < $1.y0 }) else { continue }
            let under = block[(g + 1)...].flatMap { l in
                l.boxes.indices.filter { c in l.boxes[c].map { $0.midX > rule.x0 && $0.midX < rule.x1 && $0.y0 >= rule.midY } ?? false }
            }
            guard let first = under.min(), let last = under.max(),
                  Set(under).count >= LayoutTolerances.groupLabelMinColumns else { continue }
            spans.append(first...last)
        }
        return spans
    }

    /// Header lines joined into one row, word-spaced, in the columns `include` takes.
    func joined(_ members: ArraySlice<GridLine>, where include: (Int) -> Bool = { _ in true }) -> Row {
        var r = Row(columns: columnCount, lines: members.map(\.line))
        for m in members { r.absorb(m.cells, m.boxes, separator: " ", where: include) }
        return r
    }

    /// A group label's line with the label's pieces gathered in the first column it spans.
    static func wholeInFirstColumn(_ g: GridLine, _ span: ClosedRange<Int>) -> GridLine {
        var out = g
        let first = span.lowerBound
        for c in (first + 1)...span.upperBound where !out.cells[c].isEmpty {
            out.cells[first] += (out.cells[first].isEmpty ? "" : " ") + out.cells[c]
            out.boxes[first] = out.boxes[first].map { $0.union(out.boxes[c]!) } ?? out.boxes[c]
            out.cells[c] = ""; out.boxes[c] = nil
        }
        return out
    }

    // MARK: joining lines into rows

    /// Whether a line in the same band as the row above joins it. `band` holds the indices
    /// of the lines of that band.
    func joinsRow(_ g: GridLine, _ last: Row, rows: [Row], band: [Int], placed: [GridLine],
                  census: BandCensus, spacing: RowSpacing) -> Bool {
        let c = RowJoiningCase(grid: self, line: g, last: last, rows: rows, band: band, placed: placed, census: census, spacing: spacing)
        for rule in LayoutRules.rowJoining {
            if let joins = rule.verdict(c) { return joins }
        }
        return false
    }

    /// `RuleBandIsOneRow` rule: in a ruled grid, the lines of one rule band are one row of
    /// wrapped cells: up to eight lines in a dense cell grid, up to six lines without
    /// figures otherwise (any number where column rules are drawn only in some bands).
    /// Counter-examples: figures stacked under figures, or a first figure line under a line
    /// of column labels, start a new row (a rule missing between them).
    func bandIsOneRow(_ g: GridLine, _ last: Row, band: [Int], placed: [GridLine], census: BandCensus,
                      noFiguresYet: () -> Bool) -> Bool {
        guard census.ruled, !Self.stacksFigures(g.cells, under: last.cells),
              !Self.figuresUnderLabelLine(g.cells, under: last, noFiguresYet: noFiguresYet) else { return false }
        if census.dense { return band.count <= LayoutTolerances.denseBandMaxLines }
        let bandHasFigures = band.contains { placed[$0].cells.contains(where: FigureShape.isFigure) }
        return !bandHasFigures && (band.count <= LayoutTolerances.sparseBandMaxLines || separatorSpans != nil)
    }

    /// `CentredCellsShareARow` rule: a table set in a word processor centres short cells
    /// vertically against a wrapped one, so the lines of one row overlap in height: a label
    /// on two lines with its figures set between them (`Investigative Matters` / `426  365 …`
    /// / `Received by AUSAs`). A line that overlaps the row's last line by at least
    /// `rowOverlapShare` of the smaller line height is in that row, when the two fill
    /// different columns and one of them holds figures. Counter-examples: lines that merely
    /// touch (rows set tight), figures right under figures, and two tight lines of labels.
    static func overlapsLastLine(_ g: GridLine, of last: Row) -> Bool {
        guard let prev = last.lines.last, let b = g.line.box, let pb = prev.box,
              !stacksFigures(g.cells, under: last.cells) else { return false }
        // the two lines fill different columns, and one of them holds the row's figures
        let prevCells = last.lastLineCells
        guard prevCells.count == g.cells.count, g.cells.indices.allSatisfy({ g.cells[$0].isEmpty || prevCells[$0].isEmpty }),
              g.cells.contains(where: FigureShape.isFigure) || prevCells.contains(where: FigureShape.isFigure) else { return false }
        let overlap = min(b.y1, pb.y1) - max(b.y0, pb.y0)
        return overlap >= LayoutTolerances.rowOverlapShare * min(b.height, pb.height)
    }

    /// `CentredRowIsComplete` rule: where a row's figures are centred against its wrapped
    /// label (`CentredCellsShareARow`), the label has as many lines below the figures as
    /// above them; once it has, a further label line below is the next row's label
    /// (`Inequality in HALex (Gini index),` under `Mean Health …` / `0.8766 …` / `(HALex),
    /// ages 18–65 yrs`), however tight the spacing. Counter-examples: a row whose first
    /// line carries its figures (figures set on the label's first line), and a label with
    /// more lines above its figures than below, and a header whose label holds a number
    /// (`FTSE Eurotop` / `100`): the figures' line must hold two or more figures and nothing else.
    static func centredRowIsComplete(_ g: GridLine, _ last: Row) -> Bool {
        func holdsFigures(_ l: TextLine) -> Bool { l.cells.contains(where: FigureShape.isFigure) }
        func figuresOnly(_ l: TextLine) -> Bool {
            let filled = l.cells.filter { !$0.isEmpty }
            return filled.count >= LayoutTolerances.centredRowMinFigures && filled.allSatisfy(FigureShape.isFigure)
        }
        guard !g.cells.contains(where: FigureShape.isFigure), let b = g.line.box,
              let first = last.lines.first, !holdsFigures(first),
              let figures = last.lines.first(where: figuresOnly), let f = figures.box, b.y0 >= f.y1 else { return false }
        let labels = last.lines.filter { !holdsFigures($0) }.compactMap(\.box)
        let above = labels.filter { $0.midY < f.midY }.count, below = labels.filter { $0.midY > f.midY }.count
        return above >= 1 && above == below
    }

    /// `StackedFiguresStartARow` rule: a line with a figure right under a figure of the row
    /// so far (its last line) starts a new row: two values in one column are two rows with
    /// the rule between them missing. Counter-example: a figure under wrapped text.
    static func stacksFigures(_ cells: [String], under row: [String]) -> Bool {
        cells.indices.contains {
            FigureShape.isFigure(cells[$0]) && FigureShape.isFigure(row[$0].split(separator: "\n").last.map(String.init) ?? "")
        }
    }

    /// `FiguresUnderLabelLineStartTheBody` rule: the first line with figures under a single
    /// line of column labels (no figures anywhere above) starts the body, even in the same
    /// rule band (the rule under the header lost). Counter-example: a second label line.
    static func figuresUnderLabelLine(_ cells: [String], under last: Row, noFiguresYet: () -> Bool) -> Bool {
        last.lines.count == 1 && cells.contains(where: FigureShape.isFigure) && noFiguresYet()
            && !last.holdsFigure && HeaderRowDetector.isHeaderLike(last.cells, next: nil)
    }

    /// The region's usual gap between lines, and whether its rows are set apart by more
    /// than that (inside one rule band when ruled).
    struct RowSpacing {
        var lineGap = Double.infinity
        var rowSpaced = false

        init(_ lines: [TextLine], ruled: Bool) {
            let gaps = zip(lines, lines.dropFirst()).compactMap { a, b -> (Double, Double)? in
                guard let ab = a.box, let bb = b.box, bb.y0 > ab.y1 else { return nil }
                return (bb.y0 - ab.y1, min(ab.height, bb.height))
            }
            let sorted = gaps.map(\.0).sorted()
            lineGap = sorted.isEmpty ? .infinity : sorted[sorted.count / 2]
            rowSpaced = ruled || gaps.contains { $0.0 > lineGap + LayoutTolerances.rowSpacingExcess * $0.1 }
        }

        /// `WrappedProseJoinsRow` rule: where rows of wrapped prose are set apart by more
        /// than their line spacing, a line at line spacing, in the same weight, without
        /// figures, whose first cell is empty or goes on in lower case, wraps the row above
        /// even when several columns are filled. Counter-example: a line starting with a
        /// capitalised name, or set a row's spacing below, starts a row.
        func wrapsRow(_ line: TextLine, _ cells: [String], after prev: TextLine, _ previous: [String]) -> Bool {
            guard rowSpaced, let b = line.box, let pb = prev.box, b.y0 > pb.y1, line.bold == prev.bold,
                  b.y0 - pb.y1 <= lineGap + LayoutTolerances.wrapSpacingExcess * min(b.height, pb.height) else { return false }
            guard !cells.contains(where: FigureShape.isFigure), !previous.contains(where: FigureShape.isFigure) else { return false }
            guard cells.count > 1, cells.dropFirst().contains(where: { !$0.isEmpty }) else { return false }
            return cells[0].isEmpty || cells[0].first?.isLowercase == true
        }
    }

    /// A finished row as one `TextLine`: a cell with no words gets the box of its column
    /// across the row's height.
    func textLine(_ r: Row, region: Int) -> TextLine {
        let box = Box.enclosing(r.lines.compactMap(\.box))
        let cellBoxes = r.boxes.enumerated().map { c, b in
            b ?? Box(x0: c == 0 ? (box?.x0 ?? 0) : separators[c - 1], y0: box?.y0 ?? 0,
                     x1: c < separators.count ? separators[c] : (box?.x1 ?? 0), y1: box?.y1 ?? 0)
        }
        let words = r.lines.flatMap(\.words)
        return TextLine(cells: r.cells, cellBoxes: cellBoxes, box: box, words: words,
                        bold: r.lines.allSatisfy(\.bold), headingLevel: nil,
                        fontSize: r.lines.compactMap(\.fontSize).max(), tableRegion: region)
    }
}
