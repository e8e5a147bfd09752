import Foundation
import ScrutinyCore

/// Builds the layout stage's blocks from lines in reading order: paragraphs, and tables
/// with captions and header rows recognised, continuation rows joined, and tables split
/// across pages (or by blank lines / sub-headings in exports) rejoined.
public struct TableAssembler: Sendable {
    public init() {}

    /// One line with where it came from.
    struct PlacedLine {
        var line: TextLine
        var page: Int?
        var index: Int
    }

    /// Blocks for a document's pages (already stripped of running headers).
    public func blocks(for pages: [PageText]) -> [Block] {
        var placed: [PlacedLine] = []
        for page in pages {
            for (i, line) in page.lines.enumerated() { placed.append(PlacedLine(line: line, page: page.number, index: i)) }
        }
        var raw = rawBlocks(placed)
        raw = dropIconFragments(raw)
        return joinSplitTables(raw)
    }

    enum RawBlock {
        case paragraph([PlacedLine])
        case table(RawTable)
    }

    struct RawTable {
        var rows: [PlacedLine]
        /// Indices in `rows` that follow a break (page break or blank lines).
        var breaks: Set<Int>
        var width: Int { rows.map { $0.line.cells.count }.max() ?? 0 }
    }

    func isTableRow(_ l: TextLine) -> Bool {
        if l.tableRegion != nil { return true }
        guard l.cells.count > 1 else { return false }
        return l.cells.dropFirst().contains { !$0.isEmpty } || l.cells.first?.isEmpty == true && false
    }

    /// A row with only its first cell filled (`Targets⇥⇥⇥`, `Symbol⇥⇥⇥`).
    func isLoneLabelRow(_ l: TextLine) -> Bool {
        l.tableRegion == nil && l.cells.count > 1 && !(l.cells.first ?? "").isEmpty && l.cells.dropFirst().allSatisfy(\.isEmpty)
    }

    /// A line of prose right under a table whose lines carry narrative rows (`Line⇥fig⇥fig`
    /// then `Note…⇥⇥`): the last note, printed without the empty cells the others kept.
    func continuesNoteRows(_ l: TextLine, of t: RawTable, pendingBreak: Bool, samePage: Bool) -> Bool {
        guard !pendingBreak, samePage, l.tableRegion == nil, l.cells.count == 1, l.headingLevel == nil,
              t.width > 1, let last = t.rows.last, isTableRow(last.line),
              l.text.split(separator: " ").count >= LayoutTolerances.noteRowMinWords else { return false }
        return t.rows.dropFirst().contains {
            isLoneLabelRow($0.line) && $0.line.text.split(separator: " ").count >= LayoutTolerances.noteRowMinWords
        }
    }

    /// The blocks being built from a document's lines: those finished, the paragraph and
    /// the table open, and whether blank lines or a page break came since the table's last row.
    struct RawBlockBuilder {
        var blocks: [RawBlock] = []
        var paragraph: [PlacedLine] = []
        var table: RawTable?
        var pendingBreak = false

        mutating func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
        }
        mutating func flushTable() {
            if let t = table { blocks.append(.table(t)); table = nil }
        }
    }

    /// A document's lines (in reading order, page after page) grouped into paragraphs and
    /// raw tables: table rows run on while they continue the open table; other lines are
    /// prose.
    func rawBlocks(_ lines: [PlacedLine]) -> [RawBlock] {

        var b = RawBlockBuilder()
        for (n, pl) in lines.enumerated() {
            let l = pl.line
            if l.isBlank {
                b.flushParagraph()
                if b.table != nil { b.pendingBreak = true }
                continue
            }
            if var t = b.table {
                if extend(&t, with: pl, pendingBreak: &b.pendingBreak) { b.table = t; continue }
                b.flushTable()
            }
            b.pendingBreak = false
            if isTableRow(l) || opensTableAsCaption(l, next: lines[(n + 1)...].first(where: { !$0.line.isBlank })?.line) {
                b.flushParagraph()
                b.table = RawTable(rows: [pl], breaks: [])
            } else {
                addProse(pl, to: &b)
            }
        }
        b.flushParagraph()
        b.flushTable()
        return b.blocks
    }

    /// Adds a line to the open table when it is the table's next row (a break before it
    /// recorded) or the last of its note rows; false when the line ends the table.
    func extend(_ t: inout RawTable, with pl: PlacedLine, pendingBreak: inout Bool) -> Bool {
        let samePage = t.rows.last?.page == pl.page
        if takesRow(pl.line, into: t, pendingBreak: pendingBreak, samePage: samePage) {
            if pendingBreak || !samePage { t.breaks.insert(t.rows.count) }
            t.rows.append(pl)
            pendingBreak = false
            return true
        }
        if continuesNoteRows(pl.line, of: t, pendingBreak: pendingBreak, samePage: samePage) {
            var padded = pl
            padded.line.cells = [pl.line.text] + Array(repeating: "", count: max(0, t.width - 1))
            t.rows.append(padded)
            return true
        }
        return false
    }

    /// `RowContinuesTable` rule: a table row (or a lone row label right under a row of the
    /// same width) continues the open table when it belongs to the same table region (or
    /// none, unless the page geometry left it out of the region above), with the table's
    /// width after a break. Counter-examples: a line of another region; after blank lines
    /// or a page break, a row of another width.
    func takesRow(_ l: TextLine, into t: RawTable, pendingBreak: Bool, samePage: Bool) -> Bool {
        guard let last = t.rows.last?.line else { return false }
        // a line the page geometry left out of the table region above it is not its row
        let leftOut = l.tableRegion == nil && last.tableRegion != nil && samePage && l.box != nil
        let sameRegion = (l.tableRegion == nil && !leftOut) || (l.tableRegion == last.tableRegion && samePage)
        let rowLike = isTableRow(l) || (isLoneLabelRow(l) && !pendingBreak && l.cells.count == last.cells.count)
        return rowLike && sameRegion && (l.cells.count == t.width || !pendingBreak && samePage)
    }

    /// `CaptionInsideTableBlock` rule: a row with only its first cell filled, right above a
    /// table row of the same width, is a caption printed inside the table block and opens
    /// the table. Counter-example: the same label above prose.
    func opensTableAsCaption(_ l: TextLine, next: TextLine?) -> Bool {
        guard isLoneLabelRow(l), let next else { return false }
        return isTableRow(next) && next.cells.count == l.cells.count
    }

    /// Adds a line of prose (as one cell) to the open paragraph, or closes that and opens
    /// another: a heading wrapped on to a second line stays one heading; a heading, a change
    /// of weight or a paragraph gap starts a paragraph.
    func addProse(_ pl: PlacedLine, to b: inout RawBlockBuilder) {
        let l = pl.line
        var single = l
        if l.cells.count > 1 { single.cells = [l.text] }
        let line = PlacedLine(line: single, page: pl.page, index: pl.index)
        if let last = b.paragraph.last, let box = l.box, let pb = last.line.box, last.page == pl.page,
           l.headingLevel != nil, last.line.headingLevel == l.headingLevel, last.line.bold == l.bold,
           wrapsHeading(last.line, box, pb) {
            b.paragraph.append(line)
            return
        }
        if l.headingLevel != nil || l.bold != (b.paragraph.last?.line.bold ?? l.bold) || b.paragraph.last?.line.headingLevel != nil
            || paragraphGap(before: l, page: pl.page, in: b.paragraph) { b.flushParagraph() }
        b.paragraph.append(line)
    }

    /// A heading line that wraps on to the next: a long line (not ending in `:` or `.`) with
    /// the next set at line spacing below it and starting at the same left edge.
    func wrapsHeading(_ prev: TextLine, _ b: Box, _ pb: Box) -> Bool {
        let t = prev.text.trimmingWhitespace()
        guard t.count >= LayoutTolerances.wrappingHeadingMinLength, !t.hasSuffix(":"), !t.hasSuffix(".") else { return false }
        let h = min(b.height, pb.height)
        return b.y0 > pb.y0 && b.y0 - pb.y1 < LayoutTolerances.wrappedLineSpacing * h && abs(b.x0 - pb.x0) < LayoutTolerances.wrappedHeadingIndent * h
    }

    /// Whether the space above `l` is a paragraph break on a page with geometry: wider than
    /// the paragraph's own line spacing (or, after its first line, than most of a line).
    func paragraphGap(before l: TextLine, page: Int?, in paragraph: [PlacedLine]) -> Bool {
        guard let last = paragraph.last, last.page == page, let b = l.box, let pb = last.line.box, b.y0 > pb.y1 else { return false }
        let h = min(b.height, pb.height)
        guard h > 0 else { return false }
        let gap = b.y0 - pb.y1
        if paragraph.count >= LayoutTolerances.measuredParagraphLines, let b1 = paragraph[paragraph.count - 1].line.box, let b0 = paragraph[paragraph.count - 2].line.box,
           paragraph[paragraph.count - 2].page == page, b1.y0 > b0.y1 {
            return gap > (b1.y0 - b0.y1) + LayoutTolerances.paragraphSpacingExcess * h
        }
        return gap > LayoutTolerances.lineSpacing * h
    }

    /// Tiny tab fragments of icons or tags (`CBP⇥CYPP`, `/⇥_`) are not tables.
    func dropIconFragments(_ blocks: [RawBlock]) -> [RawBlock] {
        blocks.map { b in
            guard case .table(let t) = b, t.rows.count < LayoutTolerances.iconTableMaxRows else { return b }
            let cells = t.rows.flatMap { $0.line.cells }.filter { !$0.isEmpty }
            let iconic = cells.allSatisfy { $0.count <= LayoutTolerances.iconCellMaxLength && !$0.contains(where: \.isNumber) }
            return iconic ? .paragraph(t.rows.map { pl in
                var l = pl.line; l.cells = [l.text]; return PlacedLine(line: l, page: pl.page, index: pl.index)
            }) : b
        }
    }

    func makeParagraph(_ lines: [PlacedLine]) -> Paragraph {
        let texts = lines.map { $0.line.text }
        let first = lines[0]
        return Paragraph(text: texts.joined(separator: " "), lines: texts,
                         bold: lines.allSatisfy { $0.line.bold }, headingLevel: first.line.headingLevel,
                         at: Provenance(page: first.page, line: first.index, box: first.line.box),
                         confidence: lines.compactMap { $0.line.minConfidence }.min())
    }

    /// Turns a raw table into a `Table`: captions and headers split off, repeated header
    /// rows after a break dropped, rows continued after a break joined to the row above.
    func makeTable(_ raw: RawTable) -> Table {
        let width = raw.width
        func padded(_ cells: [String]) -> [String] { cells + Array(repeating: "", count: max(0, width - cells.count)) }
        let grid = raw.rows.map { padded($0.line.cells) }
        let split = HeaderRowDetector.split(grid)
        let captionRows = grid.prefix(split.captionRows)
        let headerRows = Array(grid[split.captionRows..<(split.captionRows + split.headerRows)])
        var body: [TableRow] = []
        var carriedBreak = false
        for i in (split.captionRows + split.headerRows)..<grid.count {
            let cells = grid[i]
            let pl = raw.rows[i]
            let afterBreak = carriedBreak || raw.breaks.contains(i) || (i > 0 && raw.rows[i - 1].page != pl.page)
            carriedBreak = false
            // a header repeated after a page break: dropped, and the break carries to the next row
            if afterBreak, !headerRows.isEmpty, headerRows.contains(cells) { carriedBreak = true; continue }
            if afterBreak, let last = body.last, cells.first?.isEmpty == true, cells.contains(where: { !$0.isEmpty }) {
                body[body.count - 1].cells = zip(last.cells, cells).map { a, b in
                    b.isEmpty ? a : (a.isEmpty ? b : a + " " + b)
                }
                continue
            }
            body.append(TableRow(cells: cells, at: Provenance(page: pl.page, line: pl.index, box: pl.line.box),
                                 confidence: pl.line.minConfidence))
        }
        let pages = Array(Set(raw.rows.compactMap(\.page))).sorted()
        let first = raw.rows[0]
        let captionLines = captionRows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }
        let table = Table(headerRows: headerRows, rows: body, caption: captionLines.isEmpty ? nil : captionLines.joined(separator: " "),
                          pages: pages.isEmpty ? nil : pages, at: Provenance(page: first.page, line: first.index, box: first.line.box),
                          captionLines: captionLines.count >= LayoutTolerances.captionLinesKept ? captionLines : nil)
        return LayoutRules.tableRepairs.reduce(table) { $1.repaired($0) }
    }

    /// Joins a table to the previous one when it continues it: the same column count, no
    /// header of its own (or the same header), and nothing but a short heading, or a page
    /// break, between them.
    func joinSplitTables(_ raw: [RawBlock]) -> [Block] {
        var out: [Block] = []
        var lastTableIndex: Int?
        var between: [Paragraph] = []
        for b in raw {
            switch b {
            case .paragraph(let lines):
                let p = makeParagraph(lines)
                out.append(.paragraph(p))
                between.append(p)
            case .table(let rt) where isProseCutIntoCells(rt):
                let p = makeParagraph(rt.rows)
                out.append(.paragraph(p))
                between.append(p)
            case .table(let rt):
                var t = makeTable(rt)
                if let li = lastTableIndex, case .table(let prev) = out[li], let rejoined = Self.withOCRSplitHeaderCellRejoined(t, toMatch: prev) {
                    t = rejoined
                }
                if let li = lastTableIndex, case .table(var prev) = out[li], continues(prev, with: t, between: between) {
                    // drop the intervening sub-heading paragraphs from the flow? keep them: they are text
                    var rows = t.rows
                    if let first = rows.first, let cells = Self.withoutRepeatedHeader(first.cells, header: prev.header) {
                        rows[0].cells = cells
                    }
                    if let first = rows.first, first.cells.first?.isEmpty == true, first.at.page != prev.rows.last?.at.page,
                       let last = prev.rows.last, first.cells.contains(where: { !$0.isEmpty }) {
                        prev.rows[prev.rows.count - 1].cells = zip(last.cells, first.cells).map { a, b in
                            b.isEmpty ? a : (a.isEmpty ? b : a + " " + b)
                        }
                        rows.removeFirst()
                    }
                    prev.rows += rows
                    if let p1 = prev.pages, let p2 = t.pages { prev.pages = Array(Set(p1 + p2)).sorted() }
                    out[li] = .table(prev)
                } else {
                    out.append(.table(t))
                    lastTableIndex = out.count - 1
                }
                between = []
            }
        }
        return out
    }

    /// Whether two header blocks read by OCR are the same header printed again (OCR reads a
    /// repeated header a little differently on each page): the same shape, with at least
    /// four in five of the filled cells alike (`Actual (As at 31st` ≈ `Actual (As at 3ist`).
    static func sameHeader(_ a: [[String]], _ b: [[String]]) -> Bool {
        guard a.count == b.count, zip(a, b).allSatisfy({ $0.count == $1.count }) else { return false }
        var filled = 0, alike = 0
        for (ra, rb) in zip(a, b) {
            for (x, y) in zip(ra, rb) where !x.isEmpty || !y.isEmpty {
                filled += 1
                if TextSimilarity.ratio(x, y) >= LayoutTolerances.ocrCellSimilarity { alike += 1 }
            }
        }
        return filled > 0 && LayoutTolerances.ocrHeaderAlikeShare.admits(alike, of: filled)
    }

    /// `OCRSplitHeaderCell` rule: OCR can cut one label of a header repeated on the next page
    /// in two at a wide gap (`Actual os ⇥ (As at 31st`), so the continuation has one column
    /// more than the table it continues. Two neighbouring columns that no body row fills both
    /// of are one when, joined, the continuation's header is the table's header read again
    /// (`sameHeader`). Nil when no such pair exists, or off scans. Counter-example: a table
    /// with one more column under a header of its own is a new table and keeps its columns.
    static func withOCRSplitHeaderCellRejoined(_ next: Table, toMatch prev: Table) -> Table? {
        guard readByOCR(prev, next), !next.headerRows.isEmpty, next.columnCount == prev.columnCount + 1 else { return nil }
        func cell(_ row: [String], _ c: Int) -> String { c < row.count ? row[c] : "" }
        for c in 0..<(next.columnCount - 1) {
            guard !next.rows.contains(where: { !cell($0.cells, c).isEmpty && !cell($0.cells, c + 1).isEmpty }) else { continue }
            func joined(_ row: [String]) -> [String] {
                guard c + 1 < row.count else { return row }
                var r = row
                r[c] = [row[c], row[c + 1]].filter { !$0.isEmpty }.joined(separator: " ")
                r.remove(at: c + 1)
                return r
            }
            var candidate = next
            candidate.headerRows = next.headerRows.map(joined)
            candidate.rows = next.rows.map { var r = $0; r.cells = joined(r.cells); return r }
            if sameHeader(candidate.headerRows, prev.headerRows) { return candidate }
        }
        return nil
    }

    /// The first row of a table's continuation without the table's header, when the header
    /// printed again at the top of the page was read into that row (a scanned ruled table
    /// whose header band OCR fused with the first row: `ref YP2a`, `Lead Officer Pauline …`).
    /// Nil unless at least two header cells, and most of the filled ones, open their cells.
    static func withoutRepeatedHeader(_ cells: [String], header: [String]) -> [String]? {
        guard cells.count == header.count else { return nil }
        var out = cells
        var filled = 0, stripped = 0
        for (c, h) in header.enumerated() where !h.isEmpty {
            filled += 1
            let words = h.split(whereSeparator: \.isWhitespace)
            // the cell's words with where each ends, so the rest keeps its own line breaks
            let cell = cells[c]
            let cellWords = cell.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty, cellWords.count >= words.count,
                  zip(words, cellWords).allSatisfy({ TextSimilarity.ratio(String($0), String($1)) >= LayoutTolerances.headerWordSimilarity }) else { continue }
            stripped += 1
            out[c] = String(cell[cellWords[words.count - 1].endIndex...]).trimmingWhitespaceAndNewlines()
        }
        return stripped >= LayoutTolerances.strippedHeaderMinCells && LayoutTolerances.strippedHeaderShare.admits(stripped, of: filled) ? out : nil
    }

    /// A lone line outside any table region that opens with a field label or a code (`Owner:
    /// John ⇥ Harris Polarity: …`, `CS108: % LAC ⇥ 20 days) with a PEP`): prose that a wide
    /// gap (OCR boxing a word short or losing it) cut into cells, not a one-row table.
    func isProseCutIntoCells(_ rt: RawTable) -> Bool {
        guard rt.rows.count == 1, let line = rt.rows.first?.line, line.tableRegion == nil else { return false }
        if line.text.firstMatch(of: rxFieldLabelStart) != nil { return true }
        // read by OCR: cells that are each a run of words (`Performance is below target but ⇥ am
        // confident…`, where OCR lost the lone `I` between them) are one sentence
        guard line.minConfidence != nil else { return false }
        let filled = line.cells.filter { !$0.isEmpty }
        if Self.isHeadingCutIntoCells(filled) { return true }
        return filled.count >= LayoutTolerances.headerLineMinCells && filled.allSatisfy { cell in
            cell.split(separator: " ").count >= LayoutTolerances.proseCellMinWords && cell.contains(where: \.isLowercase)
        }
    }

    /// `HeadingCutIntoCellsIsProse` rule: a lone line read by OCR, outside any table region,
    /// whose cells hold words and no digit (so no figure), and which together are no longer than a heading
    /// (`Service budgets with a ⇥ red profile`, a wide word space on a scan), is a heading cut
    /// into cells, not a one-row table: left as a table it would stand between the two parts
    /// of a table split across the page break and keep them apart. Counter-example: a lone
    /// line with a figure (`Net budget ⇥ £44,628`) stays a row.
    static func isHeadingCutIntoCells(_ filled: [String]) -> Bool {
        filled.count >= LayoutTolerances.headerLineMinCells
            && filled.joined(separator: " ").count <= LayoutTolerances.splitTableHeadingMaxLength
            && filled.allSatisfy { cell in cell.contains(where: \.isLetter) && !cell.contains(where: \.isNumber) }
    }

    /// Whether both tables were read by OCR (their rows carry word confidences).
    static func readByOCR(_ a: Table, _ b: Table) -> Bool {
        a.rows.contains { $0.confidence != nil } && b.rows.contains { $0.confidence != nil }
    }

    /// Whether `next` continues `prev`: the same columns, no caption, and its header (if
    /// any) the same as `prev`'s; on the same page only below it. Between them at most a
    /// page break or one short sub-heading (a heading, a short bold line, or on a scan,
    /// where OCR cannot see bold, a short line at the page break).
    func continues(_ prev: Table, with next: Table, between: [Paragraph]) -> Bool {
        guard prev.columnCount == next.columnCount, next.caption == nil else { return false }
        // a table on the same page that opens with the previous table's first row is a new table
        if let p = prev.pages, let n = next.pages, p.last == n.first, n.count == 1,
           let a = (prev.headerRows.first ?? prev.rows.first?.cells), let b = (next.headerRows.first ?? next.rows.first?.cells),
           a == b { return false }
        // a table on the same page that starts above where the previous one ends sits beside it
        if let p = prev.pages, let n = next.pages, p.last == n.first, n.count == 1,
           let top = next.at.box, let end = prev.rows.last?.at.box ?? prev.at.box, top.y1 <= end.y0 { return false }
        // read by OCR (rows carry word confidences): the header repeated on the next page may differ by a misread
        let ocr = Self.readByOCR(prev, next)
        let sameHeader = !next.headerRows.isEmpty
            && (next.headerRows == prev.headerRows || ocr && Self.sameHeader(next.headerRows, prev.headerRows))
        guard next.headerRows.isEmpty || sameHeader else { return false }
        let pageBreak = prev.pages != nil && next.pages != nil && prev.pages?.last != next.pages?.first
        if sameHeader { return between.isEmpty && pageBreak }
        // no header: a continuation after a page break or a short sub-heading
        if between.isEmpty { return true }
        return between.count <= 1 && between.allSatisfy { p in
            p.headingLevel != nil
                || (p.text.count <= LayoutTolerances.splitTableHeadingMaxLength && (p.bold || ocr && pageBreak))
        }
    }
}

nonisolated(unsafe) private let rxFieldLabelStart = /^[A-Z0-9][A-Za-z0-9]{1,20}(?: [A-Za-z0-9]{1,20}){0,2}:\s+\S/
