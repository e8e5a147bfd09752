import ScrutinyCore

/// Turns the lines of one table region into table rows: words placed in columns (a segment
/// crossing a column boundary with no real gap is a spanning cell and stays in its first
/// column), lines within one rule band or wrapped inside a cell joined into one row.
struct TableGrid {
    /// Column boundaries (x) between columns, ascending: `count + 1` columns.
    var separators: [Double]
    /// Horizontal rule positions (y) splitting the region into bands, ascending; may be empty.
    var bands: [Double]
    /// Column boundaries that apply only to some bands (ruled grids with spanning cells):
    /// for each separator index, the y-ranges it covers; nil means it covers every band.
    var separatorSpans: [[ClosedRange<Double>]]?
    /// Short horizontal rules inside the region (narrower than the table): the rules drawn
    /// under group labels (`SpannerRuleUnderGroupLabel`).
    var spannerRules: [Box] = []

    var columnCount: Int { separators.count + 1 }

    func column(ofX x: Double) -> Int {
        var lo = 0
        while lo < separators.count, x > separators[lo] { lo += 1 }
        return lo
    }

    /// Whether separator `i` exists at height `y`.
    func separatorActive(_ i: Int, atY y: Double) -> Bool {
        guard let spans = separatorSpans else { return true }
        return spans[i].contains { $0.contains(y) }
    }

    /// A line's words as one string per column, with boxes.
    func place(_ line: TextLine) -> (cells: [String], boxes: [Box?]) {
        var cells = Array(repeating: "", count: columnCount)
        var boxes: [Box?] = Array(repeating: nil, count: columnCount)
        let words = line.words.filter { $0.box != nil }
        guard !words.isEmpty else { return (cells, boxes) }
        let h = words.map { $0.box!.height }.sorted()[words.count / 2]
        let midY = line.box?.midY ?? words[0].box!.midY
        // segments: runs of words with ordinary spacing
        var segments: [[Word]] = []
        for w in words {
            if let last = segments.last?.last, w.box!.x0 - last.box!.x1 <= LayoutTolerances.wordSpace * h { segments[segments.count - 1].append(w) } else { segments.append([w]) }
        }
        func put(_ ws: [Word], _ col: Int) {
            let text = ws.map(\.text).joined(separator: " ")
            cells[col] = cells[col].isEmpty ? text : cells[col] + " " + text
            let b = Box.enclosing(ws.map { $0.box! })!
            boxes[col] = boxes[col].map { $0.union(b) } ?? b
        }
        for seg in segments {
            // words are placed by their letters (`OCRLeadingQuoteIsASpeck`; a text layer's box as it is)
            var cols = seg.map { column(ofX: Self.letterBox($0, among: seg).midX) }
            // a word straddling a separator marks a spanning cell: keep the segment whole
            let straddles = seg.contains { w in
                let b = Self.letterBox(w, among: seg)
                return separators.contains { s in b.x0 < s - LayoutTolerances.straddleMargin && b.x1 > s + LayoutTolerances.straddleMargin }
            }
            if straddles || Set(cols).count == 1 {
                put(seg, straddles ? column(ofX: Self.letterBox(seg[0], among: seg).x0 + LayoutTolerances.columnProbeInset) : cols[0])
                continue
            }
            // inside a segment, split only at separators drawn at this height, at a gap wider than a space
            var start = 0
            for k in 1..<seg.count where cols[k] != cols[k - 1] {
                let gap = seg[k].box!.x0 - seg[k - 1].box!.x1
                let drawn = (cols[k - 1]..<cols[k]).allSatisfy { separatorActive($0, atY: midY) }
                if gap >= LayoutTolerances.splitGapOnDrawnRule * h && drawn { put(Array(seg[start..<k]), cols[start]); start = k } else { cols[k] = cols[k - 1] }
            }
            put(Array(seg[start...]), cols[start])
        }
        return (cells, boxes)
    }

    /// `OCRLeadingQuoteIsASpeck` rule: on a scan, OCR reads a speck or the end of a rule left
    /// of a word as an opening quote and stretches the word's box over it (`“Any` 33 points
    /// wide where `Any` takes 17), so the word seems to cross into the column on its left.
    /// Such a word is placed by its letters: its box starts the width of its letters (at the
    /// character width of the other words of its segment) left of its end. Counter-examples:
    /// words of a text layer (their boxes are exact), a word whose box is no wider than its
    /// letters, and a word alone in its segment (no character width to go by).
    static func letterBox(_ w: Word, among segment: [Word]) -> Box {
        let b = w.box!
        guard w.confidence != nil, let first = w.text.unicodeScalars.first, "“‘\"'„".unicodeScalars.contains(first) else { return b }
        let others = segment.filter { $0 != w && $0.text.count >= LayoutTolerances.minimumWordLengthForCharWidth }
        guard !others.isEmpty else { return b }
        let charWidth = others.map { $0.box!.width / Double($0.text.count) }.reduce(0, +) / Double(others.count)
        let letters = Double(w.text.count - 1) * charWidth
        guard b.width > letters + charWidth else { return b }
        return Box(x0: b.x1 - letters, y0: b.y0, x1: b.x1, y1: b.y1)
    }

    /// The column of `x`, moved left past separators missing at height `y` (spanning cells).
    func effectiveColumn(ofX x: Double, atY y: Double) -> Int {
        var c = column(ofX: x)
        while c > 0, !separatorActive(c - 1, atY: y) { c -= 1 }
        return c
    }

    /// `RowUnderColumnLabels` rule: a single line of column labels (`Measure | Jul-24 | Target
    /// | RAG`, most cells naming a role or a period) is the header; a line under it that
    /// starts with a name of its own (not a label) starts the body, even inside the same
    /// rule band (a scan often loses the rule under the header, and a title set on two
    /// lines carries its figures on the second). Counter-example: a label line continued
    /// below (`Actual (as at` over `December 2012)`) has an empty or label first cell.
    static func rowUnderColumnLabels(line: [String], labels: [String], labelLines: Int) -> Bool {
        guard labelLines == 1, labels.filter({ !$0.isEmpty }).count >= LayoutTolerances.minimumHeaderLabels,
              HeaderRowDetector.isHeaderLike(labels, next: nil),
              let first = line.first, !first.isEmpty, !HeaderRowDetector.isLabel(first),
              first.filter(\.isLetter).count >= LayoutTolerances.minimumRowNameLetters else { return false }
        return true
    }

    /// A year alone, perhaps in brackets or closing a label (`2014)`, `(2013)`, `2012:`):
    /// a header may carry it where a body carries figures.
    static func yearish(_ c: String) -> Bool {
        c.matches(pattern: #"^\(?(19|20)\d\d\)?[.:]?$"#)
    }

    /// How many lines at the top of a region form its header: a first line that reads as
    /// column labels (report vocabulary, no figures, two or more cells), then lines set at
    /// line spacing below it in the same weight that hold no figures (a year such as `2014)`
    /// may close a label) and, when not bold, only short labels. A first line of group labels
    /// over spanner rules (`groupLabelsFirst`) starts a header whatever its words and however
    /// few its cells, and the line under it may stand further down, past the rule
    /// (`SpannerRuleSpacesTheHeader`). 0 or 1 means no multi-line header.
    func headerBlockLength(_ lines: [(TextLine, [String])], labelsOnly: Bool = false, groupLabelsFirst: Bool = false) -> Int {
        guard let (first, cells) = lines.first, let fb = first.box else { return 0 }
        let filled = cells.filter { !$0.isEmpty }
        func yearish(_ c: String) -> Bool { Self.yearish(c) }
        // two label lines over a blank corner (group labels over years, say): a header whatever its words
        let corner = lines.count > 1 && cells.first?.isEmpty == true && lines[1].1.first?.isEmpty == true
            && !(cells + lines[1].1).contains { FigureShape.isFigure($0) && !yearish($0) }
        guard filled.count >= LayoutTolerances.headerLineMinCells || groupLabelsFirst, labelsOnly || groupLabelsFirst || corner || HeaderRowDetector.isHeaderLike(cells, next: nil) else { return 1 }
        var k = 1
        var prev = fb
        while k < lines.count {
            let (l, cs) = lines[k]
            guard let b = l.box else { break }
            let h = min(b.height, prev.height)
            // `SpannerRuleSpacesTheHeader`: a rule under the first line's group labels sets the
            // labels under it further down than a header's line spacing
            let spacing = groupLabelsFirst && k == 1 ? LayoutTolerances.spannerRuleLineSpacing : LayoutTolerances.lineSpacing
            guard b.y0 - prev.y1 < spacing * h, l.bold == first.bold else { break }
            let lf = cs.filter { !$0.isEmpty }
            guard !lf.isEmpty, !lf.contains(where: { FigureShape.isFigure($0) && !yearish($0) }) else { break }
            if Self.holdsRatingValues(cs) { break }
            if !first.bold, lf.contains(where: { $0.count > LayoutTolerances.headerLabelMaxLength }) { break }
            if l.minConfidence != nil, Self.proseUnderALabel(cs, at: b, under: lines[..<k]) { break }
            prev = b
            k += 1
        }
        return k
    }

    /// `RatingValuesEndTheHeader` rule: a line that names a row in its first cell and has a
    /// RAG colour or a direction-of-travel arrow in another cell of its own (`Adoptions and
    /// SGOs | GREEN | ↓`) holds an indicator's values: it is the body's first row, not more
    /// header. (A table of ratings has no figures to tell its body by.) Counter-examples:
    /// RAG colours as column labels under a group label (`Measures` over `Red | Amber |
    /// Green`, first cell blank), and trend words, which also label columns (`Cycle Name |
    /// … | Improved Speed`).
    static func holdsRatingValues(_ cells: [String]) -> Bool {
        guard let name = cells.first, !name.isEmpty, !RoleLexicon.isRatingMark(name) else { return false }
        return cells.dropFirst().contains(where: RoleLexicon.isRatingMark)
    }

    /// `ProseUnderALabelIsNoHeader` rule: on a scan, where OCR cannot tell the header's
    /// weight from the body's, a line under a header that fills one column only, set well
    /// below the last header line that fills that column (more than a line's spacing of
    /// blank between them), is the body's text (a cell continued at the top of a page under
    /// the repeated header, `performance with team` under `Any Comments`), not more header.
    /// Counter-examples: a label's wrapped line (right under the label's line, even when a
    /// line of other columns' labels is set between them: `Actual (As at` / `31st`), a
    /// label set low in a column nothing above labels, and any line of a text layer (a
    /// born-digital header is told from the body by its weight; its labels wrap over lines
    /// set at different heights in each column).
    static func proseUnderALabel(_ cells: [String], at box: Box, under header: ArraySlice<(TextLine, [String])>) -> Bool {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        guard filled.count == 1, let c = filled.first,
              let label = header.last(where: { c < $0.1.count && !$0.1[c].isEmpty }), let lb = label.0.box else { return false }
        return box.y0 - lb.y1 > LayoutTolerances.lineSpacing * min(box.height, lb.height)
    }

    /// The header line holding a group label (a segment running across a column separator,
    /// over labels of two or more columns in the header lines below it), and the columns
    /// the group covers: those it crosses plus the blank columns after it.
    func groupLabel(_ lines: [TextLine], cells: [[String]]) -> (line: Int, columns: ClosedRange<Int>)? {
        for g in 0..<(lines.count - 1) {
            for w in lines[g].words {
                guard let b = w.box, separators.contains(where: { b.x0 < $0 - LayoutTolerances.straddleMargin && b.x1 > $0 + LayoutTolerances.straddleMargin }) else { continue }
                // the segment this word belongs to starts in the column of the group's first word
                let seg = lines[g].cellBoxes?.first { $0.x0 <= b.x0 + LayoutTolerances.columnProbeInset && $0.x1 >= b.x1 - LayoutTolerances.columnProbeInset } ?? b
                let first = column(ofX: seg.x0 + LayoutTolerances.columnProbeInset)
                var last = column(ofX: seg.x1 - LayoutTolerances.columnProbeInset)
                while last + 1 < columnCount, cells[g][last + 1].isEmpty,
                      cells[(g + 1)...].contains(where: { !$0[last + 1].isEmpty }) { last += 1 }
                let under = (first...last).filter { c in cells[(g + 1)...].contains { !$0[c].isEmpty } }
                if under.count >= LayoutTolerances.groupLabelMinColumns { return (g, first...last) }
            }
            // a label of several words at word spacing whose gap falls on a separator
            for seg in lines[g].cellBoxes ?? [] where separators.contains(where: { seg.x0 < $0 - LayoutTolerances.straddleMargin && seg.x1 > $0 + LayoutTolerances.straddleMargin }) {
                let first = column(ofX: seg.x0 + LayoutTolerances.columnProbeInset)
                var last = column(ofX: seg.x1 - LayoutTolerances.columnProbeInset)
                guard cells[g][first].isEmpty == false, ((first + 1)...last).allSatisfy({ c in !cells[g][c].isEmpty }) else { continue }
                while last + 1 < columnCount, cells[g][last + 1].isEmpty,
                      cells[(g + 1)...].contains(where: { !$0[last + 1].isEmpty }) { last += 1 }
                let under = (first...last).filter { c in cells[(g + 1)...].contains { !$0[c].isEmpty } }
                if under.count >= LayoutTolerances.groupLabelMinColumns { return (g, first...last) }
            }
        }
        return nil
    }

    /// `OutdentedLineStartsARow` rule: text wrapped inside a cell starts where the cell's
    /// first line starts (or further in, under a hanging indent); a line in the first column
    /// that starts further left than the line above it is a new row set out to the left, such
    /// as a group label over indented rows (`Purposes of reading` under `Total items`), and
    /// starts like a label, with a capital or a number. Counter-examples: a wrapped line flush
    /// with the line above, or indented; a scan's line whose first box is a speck or a quote
    /// mark OCR set a little left (`“lasted 2 years`).
    static func outdented(_ line: TextLine, under prev: TextLine, firstColumn: Bool) -> Bool {
        guard firstColumn, let b = line.box, let pb = prev.box,
              let first = line.text.first, first.isUppercase || first.isNumber else { return false }
        return b.x0 < pb.x0 - LayoutTolerances.outdentMinLineHeights * min(b.height, pb.height)
    }

    /// A line that wraps text of the row above: close below it, no figures, only in columns
    /// the row already fills, fewer of them, same weight.
    func continues(_ line: TextLine, cells: [String], after prev: TextLine, previous: [String]) -> Bool {
        guard let b = line.box, let pb = prev.box else { return false }
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        let prevFilled = previous.indices.filter { !previous[$0].isEmpty }
        // fewer columns than the row so far, or the same later columns again (text wrapping
        // on in a row that so far holds only wrapped text, as at the top of a page)
        guard !filled.isEmpty, filled.count < prevFilled.count || (filled == prevFilled && filled.first != 0) else { return false }
        guard filled.allSatisfy({ !previous[$0].isEmpty }) else { return false }
        // a figure may end wrapped text (`… by age` / `19`), not start a new value under a value
        guard !filled.contains(where: { FigureShape.isFigure(cells[$0]) && FigureShape.isFigure(previous[$0].split(separator: "\n").last.map(String.init) ?? "") }) else { return false }
        guard line.bold == prev.bold, !Self.outdented(line, under: prev, firstColumn: column(ofX: pb.x0) == 0) else { return false }
        return b.y0 - pb.y1 < LayoutTolerances.wrappedLineSpacing * min(b.height, pb.height)

    }
}
