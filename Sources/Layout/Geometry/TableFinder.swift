import Foundation
import ScrutinyCore

/// Finds table regions on a page with geometry and rewrites their lines as table rows:
/// ruled grids from the page's rules (columns and rows from the rule grid, spanning cells from
/// missing rule segments), then unruled tables from the alignment of gap-separated segments
/// across consecutive lines (horizontal rules inside them split the row bands).
enum TableFinder {
    static func layout(_ page: PageText) -> PageText {
        guard page.width != nil, !page.lines.isEmpty else { return page }
        let (hs, vs) = pageRules(page)
        var region = 0
        let (ruledRows, rest) = ruledTables(page.lines, hs: hs, vs: vs, region: &region)
        let (alignedRows, plain) = unruledTables(rest, hs: hs, region: &region)
        var p = page
        p.lines = regionsTogether(ruledRows + alignedRows + plain)
        return p
    }

    /// `StrokeIsARule` rule: a drawn stroke at least three times longer than it is thick,
    /// and at most four points thick, is a rule (a table border or row line); a thicker
    /// fill is shading or a picture. Horizontal ones first, then vertical ones.
    static func isRule(_ b: Box, horizontal: Bool) -> Bool {
        let (length, thickness) = horizontal ? (b.width, b.height) : (b.height, b.width)
        return length >= LayoutTolerances.ruleMinAspect * thickness && thickness <= LayoutTolerances.ruleMaxThickness
    }

    /// `BlankBarIsARule` rule: a horizontal bar thicker than a stroke but thinner than a line
    /// of text, with no word on it, is drawn between rows as a thick rule (a coloured band
    /// under each group of rows). Counter-example: shading behind a row holds the row's
    /// words, and a block taller than `barMaxThickness` is a picture or a panel.
    static func isBlankBar(_ b: Box, words: [Box]) -> Bool {
        guard b.height > LayoutTolerances.ruleMaxThickness, b.height <= LayoutTolerances.barMaxThickness,
              b.width >= LayoutTolerances.ruleMinAspect * b.height else { return false }
        return !words.contains { w in w.x1 > b.x0 && w.x0 < b.x1 && w.midY > b.y0 && w.midY < b.y1 }
    }

    /// The page's horizontal rules, and its vertical rules cut clear of words (on a scan,
    /// without the short strokes that are specks).
    static func pageRules(_ page: PageText) -> (hs: [Box], vs: [Box]) {
        let words = page.lines.flatMap(\.words).compactMap(\.box)
        let hs = page.rules.filter { isRule($0, horizontal: true) || isBlankBar($0, words: words) }
        var vs = page.rules.filter { isRule($0, horizontal: false) }.flatMap { clearOfWords($0, words) }
        if page.method == .ocr { vs = withoutShortStrokes(vs) }
        return (hs, vs)
    }

    /// 1. Ruled grids: each grid's lines as table rows (regions numbered on from `region`),
    /// and the lines left outside every grid.
    static func ruledTables(_ lines: [TextLine], hs: [Box], vs: [Box], region: inout Int) -> (rows: [TextLine], rest: [TextLine]) {
        var lines = lines
        var out: [TextLine] = []
        for grid in ruledGrids(hs: hs, vs: vs) {
            var inside: [TextLine] = []
            var rest: [TextLine] = []
            for l in lines {
                let (a, b) = split(l, by: grid.box)
                if let a { inside.append(a) }
                if let b { rest.append(b) }
            }
            guard !inside.isEmpty else { continue }
            lines = rest
            guard var g = tableGrid(for: grid, inside) else { lines += inside; lines.sort(by: readingOrder); continue }
            region += 1
            g.bands = bandsBetweenLines(g.bands, inside)
            g.spannerRules = spannerRules(hs, within: grid.box)
            out += dropEmptyColumns(g.rows(inside.sorted(by: readingOrder), region: region))
        }
        return (out, lines)
    }

    /// The columns of a ruled grid: a frame or shaded rows without inner columns take their
    /// columns from alignment (nil when there are none); column rules drawn only over part
    /// of the grid (a header's group edges) are kept where drawn and the body's columns come
    /// from alignment; otherwise the drawn columns.
    static func tableGrid(for grid: RuledGrid, _ inside: [TextLine]) -> TableGrid? {
        if grid.separators.isEmpty {
            guard let seps = alignmentSeparators(inside), !seps.isEmpty else { return nil }
            return TableGrid(separators: seps, bands: grid.bands, separatorSpans: nil)
        }
        guard let seps = bodyAlignmentSeparators(grid, inside) else {
            return TableGrid(separators: grid.separators, bands: grid.bands, separatorSpans: grid.spans)
        }
        let whole = [(grid.box.y0 - LayoutTolerances.columnRuleReach)...(grid.box.y1 + LayoutTolerances.columnRuleReach)]
        let merged = (grid.separators.map { ($0, true) } + seps.map { ($0, false) })
            .sorted { $0.0 < $1.0 }
        let spans = merged.map { x, drawn in drawn ? grid.spans[grid.separators.firstIndex(of: x)!] : whole }
        return TableGrid(separators: merged.map(\.0), bands: grid.bands, separatorSpans: spans)
    }

    /// 2. Unruled tables by alignment among the remaining lines: their rows (regions
    /// numbered on from `region`), and the plain lines (list items made one cell, notes
    /// under tables given back).
    static func unruledTables(_ lines: [TextLine], hs: [Box], region: inout Int) -> (rows: [TextLine], plain: [TextLine]) {
        let lines = lines.sorted(by: readingOrder)
        var out: [TextLine] = []
        var plain: [TextLine] = []
        var i = 0
        var lastIsPlain = false
        while i < lines.count {
            guard let end = alignedBlock(lines, from: i) else { plain.append(Self.asListItem(lines[i])); i += 1; lastIsPlain = true; continue }
            guard let seps = blockSeparators(Array(lines[i..<end])) else { plain.append(lines[i]); i += 1; lastIsPlain = true; continue }
            var (block, blockEnd) = extendedBlock(lines, i..<end, separators: seps)
            if lastIsPlain, isGroupLabel(lines[i - 1], above: block, firstSeparator: seps[0], rules: hs) {
                block.insert(plain.removeLast(), at: 0)
            }
            lastIsPlain = false
            region += 1
            var grid = TableGrid(separators: seps, bands: bandRules(hs, across: block), separatorSpans: nil)
            if let area = Box.enclosing(block.compactMap(\.box)) { grid.spannerRules = spannerRules(hs, within: area) }
            let (rows, notes) = splitOffNotes(grid.rows(block, region: region), separators: seps, bandRules: grid.bands)
            out += dropEmptyColumns(rows)
            plain += notes
            i = blockEnd
        }
        return (out, plain)
    }

    /// An aligned block's column boundaries (nil when it has none): from where its segments
    /// leave the page blank, columns no line fills both of merged, token labels split.
    static func blockSeparators(_ block: [TextLine]) -> [Double]? {
        guard let found = alignmentSeparators(block) else { return nil }
        let seps = LayoutRules.columnSplitting.reduce(found) { $1.separators($0, in: block) }
        return seps.isEmpty ? nil : seps
    }

    /// The block of `range` with the lines below it that belong to its last rows, and the
    /// end (exclusive) of the lines taken.
    static func extendedBlock(_ lines: [TextLine], _ range: Range<Int>, separators seps: [Double]) -> (block: [TextLine], end: Int) {
        var block = Array(lines[range])
        var end = range.upperBound
        while end < lines.count, wrapsLastRow(lines[end], below: lines[end - 1], firstSeparator: seps[0]) {
            block.append(lines[end]); end += 1
        }
        if end < lines.count, isLoneRowLabel(lines[end], below: lines[end - 1], block: block, firstSeparator: seps[0]) {
            block.append(lines[end]); end += 1
        }
        return (block, end)
    }

    /// `WrappedTextBelowBlock` rule: a line of one segment right of the first column, set at
    /// line spacing under the block, is wrapped text of the last row's later columns (a long
    /// comment). Counter-example: a line starting in the first column, or set further down.
    static func wrapsLastRow(_ l: TextLine, below prev: TextLine, firstSeparator: Double) -> Bool {
        guard segments(l).count == 1, let b = l.box, let pb = prev.box else { return false }
        return b.x0 > firstSeparator && b.y0 - pb.y1 < LayoutTolerances.lineSpacing * min(b.height, pb.height)
    }

    /// `GroupLabelAboveBlock` rule: a label set just above an unruled table, right of its
    /// first column, over a short rule that runs under it and no further than the table
    /// (`Year` over a rule over `1997 … 2007`; `2013/14` over `Actual  Target`), heads the
    /// columns under that rule: it is the table's top header line (placed by
    /// `SpannerRuleUnderGroupLabel`), not a paragraph. Counter-examples: a title or caption
    /// starting in the first column, and a label with no rule between it and the table.
    static func isGroupLabel(_ l: TextLine, above block: [TextLine], firstSeparator: Double, rules hs: [Box]) -> Bool {
        guard segments(l).count == 1, let b = l.box, b.x0 > firstSeparator,
              let top = block.first?.box, let area = Box.enclosing(block.compactMap(\.box)) else { return false }
        let h = max(LayoutTolerances.minimumLineHeight, min(b.height, top.height))
        guard top.y0 > b.y1, top.y0 - b.y1 <= LayoutTolerances.tableBreakGap * h else { return false }
        return hs.contains { r in
            TableGrid.underlines(r, b) && r.y1 <= top.midY && r.width < LayoutTolerances.spannerRuleMaxWidthShare * area.width
        }
    }

    /// `LoneRowLabelBelowBlock` rule: a row label alone below a block, inside its first
    /// column, in the same weight, without figures and set no further below than the
    /// block's widest row gap, is the block's last row (a grid row whose cells are all empty,
    /// such as `Symbol`). Counter-example: a label set further below (the next heading).
    static func isLoneRowLabel(_ l: TextLine, below prev: TextLine, block: [TextLine], firstSeparator: Double) -> Bool {
        guard segments(l).count == 1, let b = l.box, let pb = prev.box, b.x1 < firstSeparator, l.bold == prev.bold,
              !l.cells.contains(where: FigureShape.isFigure) else { return false }
        let gaps = zip(block, block.dropFirst()).compactMap { a, c -> Double? in
            guard let ab = a.box, let cb = c.box, cb.y0 > ab.y1 else { return nil }
            return cb.y0 - ab.y1
        }
        guard let widest = gaps.max() else { return false }
        return b.y0 - pb.y1 > 0 && b.y0 - pb.y1 <= widest + LayoutTolerances.loneRowLabelSlack
    }

    /// `LongRuleSplitsRows` rule: in an unruled table, a horizontal rule inside the block
    /// running at least half the block's width splits its row bands. Counter-example: a
    /// short underline under one label.
    static func bandRules(_ hs: [Box], across block: [TextLine]) -> [Double] {
        let boxes = block.compactMap(\.box)
        let top = boxes.map(\.y0).min() ?? 0, bottom = boxes.map(\.y1).max() ?? 0
        let x0 = boxes.map(\.x0).min() ?? 0, x1 = boxes.map(\.x1).max() ?? 0
        return hs.filter { $0.midY > top && $0.midY < bottom && $0.width >= LayoutTolerances.bandRuleMinWidthShare * (x1 - x0) }
            .map(\.midY).sorted()
    }

    /// The horizontal rules whose middle lies inside `area` (a rule may run past the text
    /// to the table's edge), shorter than `spannerRuleMaxWidthShare` of its
    /// width: candidates for rules under group labels (`SpannerRuleUnderGroupLabel`).
    static func spannerRules(_ hs: [Box], within area: Box) -> [Box] {
        hs.filter { r in
            r.midY > area.y0 && r.midY < area.y1 && r.midX > area.x0 && r.midX < area.x1
                && r.width < LayoutTolerances.spannerRuleMaxWidthShare * area.width
        }
    }

    /// Lines in reading order with each table region's rows kept together, placed where
    /// the region starts: tables set side by side come one after the other, not row by row.
    static func regionsTogether(_ lines: [TextLine]) -> [TextLine] {
        var units: [[TextLine]] = []
        var unitOf: [Int: Int] = [:]
        for l in lines.sorted(by: readingOrder) {
            if let r = l.tableRegion {
                if let u = unitOf[r] { units[u].append(l); continue }
                unitOf[r] = units.count
            }
            units.append([l])
        }
        return units.flatMap { $0 }
    }

    static func readingOrder(_ a: TextLine, _ b: TextLine) -> Bool {
        let ay = a.box?.y0 ?? 0, by = b.box?.y0 ?? 0
        if abs(ay - by) > 1 { return ay < by }
        return (a.box?.x0 ?? 0) < (b.box?.x0 ?? 0)
    }

    // MARK: lines

    /// Segments of a line: runs of words separated by ordinary spacing.
    static func segments(_ l: TextLine) -> [Box] {
        if let cb = l.cellBoxes, cb.count == l.cells.count, !cb.isEmpty { return cb }
        return l.box.map { [$0] } ?? []
    }

    /// Splits a line into the words inside `box` and the rest, each rebuilt as a line.
    static func split(_ l: TextLine, by box: Box) -> (TextLine?, TextLine?) {
        guard let lb = l.box else { return (nil, l) }
        let slack = LayoutTolerances.gridEdgeSlack
        func inside(_ b: Box) -> Bool { b.midX >= box.x0 - slack && b.midX <= box.x1 + slack && b.midY >= box.y0 - slack && b.midY <= box.y1 + slack }
        if l.words.isEmpty { return inside(lb) ? (l, nil) : (nil, l) }
        let ins = l.words.filter { $0.box.map(inside) ?? false }
        if ins.isEmpty { return (nil, l) }
        if ins.count == l.words.count { return (l, nil) }
        let outs = l.words.filter { !($0.box.map(inside) ?? false) }
        return (rebuild(l, ins), rebuild(l, outs))
    }

    /// A line made of some of another line's words, with cells re-split at wide gaps.
    static func rebuild(_ l: TextLine, _ words: [Word]) -> TextLine {
        let ws = words.sorted { ($0.box?.x0 ?? 0) < ($1.box?.x0 ?? 0) }
        let hs = ws.compactMap { $0.box?.height }.sorted()
        let h = hs.isEmpty ? LayoutTolerances.fallbackWordHeight : hs[hs.count / 2]
        var cells: [String] = [], boxes: [Box] = []
        var prev: Box?
        for w in ws {
            guard let b = w.box else { continue }
            if let p = prev, b.x0 - p.x1 <= LayoutTolerances.wordSpace * h, !cells.isEmpty {
                cells[cells.count - 1] += " " + w.text
                boxes[boxes.count - 1] = boxes[boxes.count - 1].union(b)
            } else { cells.append(w.text); boxes.append(b) }
            prev = b
        }
        var out = l
        out.cells = cells; out.cellBoxes = boxes; out.words = ws; out.box = Box.enclosing(boxes)
        return out
    }

    // MARK: ruled grids

    /// A vertical rule without the stretches where it runs through the middle of a word:
    /// there the ink is text or a fill behind a spanning label (read as a rule in the page
    /// image), not a column border, which never cuts text. Pieces under 2 points are dropped.
    static func clearOfWords(_ rule: Box, _ words: [Box]) -> [Box] {
        let x = rule.midX
        let margin = LayoutTolerances.ruleCutMargin, padding = LayoutTolerances.ruleCutPadding
        let cuts = words.filter { w in w.x0 < x - margin && w.x1 > x + margin && w.y1 > rule.y0 && w.y0 < rule.y1 }
            .map { ($0.y0 - padding, $0.y1 + padding) }.sorted { $0.0 < $1.0 }
        guard !cuts.isEmpty else { return [rule] }
        var out: [Box] = []
        var top = rule.y0
        for (a, b) in cuts {
            if a - top >= LayoutTolerances.rulePieceMinLength { out.append(Box(x0: rule.x0, y0: top, x1: rule.x1, y1: min(a, rule.y1))) }
            top = max(top, b)
        }
        if rule.y1 - top >= LayoutTolerances.rulePieceMinLength { out.append(Box(x0: rule.x0, y0: top, x1: rule.x1, y1: rule.y1)) }
        return out
    }

    /// A scan's vertical rules without the short strokes that no column border is: ink
    /// specks and tick marks read from the page image, whose pieces at one x add up to
    /// less than 18 points (a column rule, even broken by the scan, runs the table's height).
    static func withoutShortStrokes(_ vs: [Box]) -> [Box] {
        var total: [Double: Double] = [:]
        let xs = cluster(vs.map(\.midX))
        func column(_ r: Box) -> Double? { xs.min { abs($0 - r.midX) < abs($1 - r.midX) } }
        for r in vs { if let x = column(r) { total[x, default: 0] += r.height } }
        return vs.filter { r in column(r).map { total[$0, default: 0] >= LayoutTolerances.scanColumnRuleMinLength } ?? false }
    }

    struct RuledGrid { var box: Box; var separators: [Double]; var spans: [[ClosedRange<Double>]]; var bands: [Double] }

    /// Connected groups of rules with at least two horizontal and two vertical lines (or a
    /// stack of shaded-row edges): the grid's inner column boundaries and row bands.
    static func ruledGrids(hs: [Box], vs: [Box]) -> [RuledGrid] {
        let all = hs + vs
        guard hs.count >= LayoutTolerances.gridMinRules else { return [] }
        var parent = Array(all.indices)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        let tol = LayoutTolerances.ruleTouchTolerance
        func touch(_ a: Box, _ b: Box) -> Bool {
            a.x0 - tol <= b.x1 && b.x0 - tol <= a.x1 && a.y0 - tol <= b.y1 && b.y0 - tol <= a.y1
        }
        for i in all.indices { for j in (i + 1)..<all.count where touch(all[i], all[j]) { parent[find(i)] = find(j) } }
        var comps: [Int: [Int]] = [:]
        for i in all.indices { comps[find(i), default: []].append(i) }
        var grids: [RuledGrid] = []
        for members in comps.values {
            let ch = members.filter { $0 < hs.count }.map { all[$0] }
            let cv = members.filter { $0 >= hs.count }.map { all[$0] }
            guard ch.count >= LayoutTolerances.gridMinRules, cv.count >= LayoutTolerances.gridMinRules, let box = Box.enclosing(ch + cv) else { continue }
            guard box.width > LayoutTolerances.gridMinWidth, box.height > LayoutTolerances.gridMinHeight else { continue }
            let xInset = LayoutTolerances.gridFrameColumnInset, yInset = LayoutTolerances.gridFrameRowInset
            let xs = cluster(cv.map(\.midX)).filter { $0 > box.x0 + xInset && $0 < box.x1 - xInset }
            let ys = cluster(ch.map(\.midY)).filter { $0 > box.y0 + yInset && $0 < box.y1 - yInset }
            var spans: [[ClosedRange<Double>]] = []
            for x in xs {
                let reach = LayoutTolerances.columnRuleReach
                let segs = cv.filter { abs($0.midX - x) <= LayoutTolerances.columnRuleXTolerance }.map { ($0.y0 - reach)...($0.y1 + reach) }
                spans.append(segs)
            }
            grids.append(RuledGrid(box: box, separators: xs, spans: spans, bands: ys))
        }
        // Top to bottom, then left to right: grids side by side at one height come out in the
        // same order every run (the components' dictionary order changes from run to run).
        return grids.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    }

    /// Column boundaries from the alignment of a ruled grid's lines that its column rules
    /// lack: where the rules are drawn beside fewer than half of the lines (rules only in the
    /// header), every alignment boundary; elsewhere only one that splits a drawn column whose
    /// lines mostly hold words on both sides of it (figures set in columns inside one ruled
    /// cell). Nil when alignment adds nothing.
    static func bodyAlignmentSeparators(_ grid: RuledGrid, _ lines: [TextLine]) -> [Double]? {
        let mids = lines.compactMap { $0.box?.midY }
        guard mids.count >= LayoutTolerances.gridAlignmentMinLines, let seps = alignmentSeparators(lines) else { return nil }
        let covered = mids.filter { y in grid.spans.contains { $0.contains { $0.contains(y) } } }.count
        let ruledBody = LayoutTolerances.ruledBodyShare.admits(covered, of: mids.count)
        // an alignment boundary in the same blank gap as a drawn one is that one
        let words = lines.flatMap(\.words).compactMap(\.box)
        let extra = seps.filter { x in
            guard !grid.separators.contains(where: { d in !words.contains { $0.x1 > min(d, x) && $0.x0 < max(d, x) } }) else { return false }
            guard ruledBody else { return true }
            let lo = grid.separators.last { $0 < x } ?? grid.box.x0, hi = grid.separators.first { $0 > x } ?? grid.box.x1
            var filled = 0, split = 0
            for l in lines {
                let ws = l.words.compactMap(\.box).filter { $0.midX > lo && $0.midX < hi }
                guard !ws.isEmpty else { continue }
                filled += 1
                if ws.contains(where: { $0.x1 < x }) && ws.contains(where: { $0.x0 > x }) { split += 1 }
            }
            return split >= LayoutTolerances.splitColumnMinLines && LayoutTolerances.splitColumnShare.admits(split, of: filled)
        }
        return extra.isEmpty ? nil : extra
    }

    /// Values merged when within `ruleClusterTolerance` of each other (their mean), ascending.
    static func cluster(_ values: [Double]) -> [Double] {
        var out: [[Double]] = []
        for v in values.sorted() {
            if let last = out.last?.last, v - last <= LayoutTolerances.ruleClusterTolerance { out[out.count - 1].append(v) } else { out.append([v]) }
        }
        return out.map { $0.reduce(0, +) / Double($0.count) }
    }

    // MARK: alignment

    /// The end (exclusive) of a block of table-like lines starting at `start`: lines of two or
    /// more segments, bridged by at most two single-segment lines close above the next one.
    static func alignedBlock(_ lines: [TextLine], from start: Int) -> Int? {
        func multi(_ i: Int, startsBlock: Bool = false) -> Bool {
            segments(lines[i]).count >= LayoutTolerances.tableLineMinSegments
                && !LayoutRules.lineClassification.contains { $0.rejects(lines, at: i, startsBlock: startsBlock) }
        }
        guard multi(start, startsBlock: true) else { return nil }
        var columns = ColumnGapTracker()
        columns.add(lines[start])
        var end = start + 1
        var count = 1
        var k = start + 1
        while k < lines.count {
            let prev = lines[k - 1], l = lines[k]
            guard let pb = prev.box, let b = l.box else { break }
            let h = max(LayoutTolerances.minimumLineHeight, min(pb.height, b.height))
            if b.y0 - pb.y1 > LayoutTolerances.tableBreakGap * h { break }
            if multi(k) {
                if count >= LayoutTolerances.columnChangeMinRows, columns.bridgesColumnGaps(l) { break }
                columns.add(l); count += 1; k += 1; end = k; continue
            }
            // bridge: single-segment lines set at line spacing (wrapped cell text), or up to two
            // further apart, followed closely by a table line
            var j = k
            while j < lines.count, !multi(j) {
                // a heading (set well above body size) ends a table: the next one starts below it
                if let level = lines[j].headingLevel, level <= LayoutTolerances.tableEndingHeadingLevel,
                   lines[j].text.filter(\.isLetter).count >= LayoutTolerances.tableEndingHeadingMinLetters { break }
                guard j - k < LayoutTolerances.bridgeLooseLines
                    || (j - k < LayoutTolerances.bridgeMaxLines
                        && (lines[j].box?.y0 ?? 0) - (lines[j - 1].box?.y1 ?? 0) < LayoutTolerances.lineSpacing * h) else { break }
                j += 1
            }
            guard j < lines.count, j > k, multi(j), let jb = lines[j].box, let lb = lines[j - 1].box,
                  jb.y0 - lb.y1 <= LayoutTolerances.tableBreakGap * h else { break }
            if count >= LayoutTolerances.columnChangeMinRows, columns.bridgesColumnGaps(lines[j]) { break }
            k = j
        }
        return count >= LayoutTolerances.tableMinLines ? end : nil
    }

    /// `ListItemIsNoTableRow` rule: a bullet set apart from its text (`•  PI-03: Percentage
    /// of …`, a scan reading the bullet as `*`) makes a line of two segments, but it is an
    /// item of a list (a legend under a table), not a row of two columns.
    static func isListItem(_ l: TextLine) -> Bool {
        guard l.cells.count == LayoutTolerances.listItemSegments, let marker = l.cells.first?.trimmingWhitespace() else { return false }
        return listMarkers.contains(marker) && l.cells[1].filter(\.isLetter).count >= LayoutTolerances.listItemMinLetters
    }

    /// `ProseGoesOnIsNoTableRow` rule: the last line of a paragraph, going on in lower case
    /// right under a full line of prose, is prose even when a wide word space splits it in
    /// two (`reviewing performance with team managers on a   fortnightly basis.`). It does
    /// not start a table. Counter-example: a table row under a paragraph starts with its own
    /// capitalised name, or is set further down than line spacing.
    static func continuesProse(_ lines: [TextLine], at i: Int) -> Bool {
        guard i > 0, lines[i].cells.first?.first?.isLowercase == true,
              segments(lines[i - 1]).count == 1, lines[i - 1].text.split(separator: " ").count >= LayoutTolerances.proseLineMinWords,
              let a = lines[i - 1].box, let b = lines[i].box, b.y0 > a.y1 else { return false }
        return b.y0 - a.y1 < LayoutTolerances.proseLineSpacing * min(a.height, b.height)
    }


    /// A list item's line as one cell, its bullet kept in front of its text.
    static func asListItem(_ l: TextLine) -> TextLine {
        guard isListItem(l) else { return l }
        var out = l
        out.cells = [l.cells.joined(separator: " ")]
        out.cellBoxes = l.box.map { [$0] }
        return out
    }

    /// Characters councils (and OCR of them) print as list bullets.
    static let listMarkers: Set<String> = ["•", "*", "·", "▪", "◦", "‣", "●", "■", "➢"]

    /// Column boundaries from where the block's segments leave the page blank: x positions
    /// covered by (almost) no line, between covered ranges.
    static func alignmentSeparators(_ block: [TextLine]) -> [Double]? {
        let segs = block.map(segments)
        let all = segs.flatMap { $0 }
        guard let minX = all.map(\.x0).min(), let maxX = all.map(\.x1).max(), maxX - minX > LayoutTolerances.alignmentMinWidth else { return nil }
        let n = Int((maxX - minX).rounded(.up)) + 1
        let cover = segmentCoverage(segs, minX: minX, width: n)
        // words of every line, to set each separator where the fewest words are cut (a
        // label over right-aligned figures leaves its column's true edge in the clear)
        let wordCover = wordCoverage(block, minX: minX, width: n)
        // segments of lines holding no figures (column labels)
        let labelSegs = block.indices.filter { !block[$0].cells.contains(where: FigureShape.isFigure) }.flatMap { segs[$0] }
        let multiLines = segs.filter { $0.count >= LayoutTolerances.tableLineMinSegments }.count
        let allowed = block.count <= LayoutTolerances.strictAlignmentMaxLines ? 0 : max(1, block.count / LayoutTolerances.linesPerCrossingLine)
        var seps: [Double] = []
        var x = 0
        while x < n {
            guard cover[x] <= allowed else { x += 1; continue }
            let s = x
            while x < n, cover[x] <= allowed { x += 1 }
            guard s > 0, x < n, x - s >= LayoutTolerances.alignmentMinGap else { continue }
            let lo = minX + Double(s), hi = minX + Double(x)
            if let floating = floatingLabelSeparators(lo: lo, hi: hi, labelSegs: labelSegs) {
                seps += floating
                continue
            }
            seps.append(minX + Double(leastCutRun(wordCover, s..<x)) / 2)
        }
        guard multiLines >= LayoutTolerances.tableLineMinSegments else { return nil }
        return seps
    }

    /// How many segments cover each whole point from `minX` on (`width` points).
    static func segmentCoverage(_ segs: [[Box]], minX: Double, width n: Int) -> [Int] {

        var cover = [Int](repeating: 0, count: n)
        for line in segs {
            for s in line {
                let a = max(0, Int((s.x0 - minX).rounded(.down))), b = min(n - 1, Int((s.x1 - minX).rounded(.up)))
                if a <= b { for x in a...b { cover[x] += 1 } }
            }
        }
        return cover
    }

    /// How many words cover each whole point from `minX` on (`width` points), counting only
    /// points wholly inside a word.
    static func wordCoverage(_ block: [TextLine], minX: Double, width n: Int) -> [Int] {
        var wordCover = [Int](repeating: 0, count: n)
        for l in block {
            for w in l.words {
                guard let b = w.box else { continue }
                let a = max(0, Int((b.x0 - minX).rounded(.up))), e = min(n - 1, Int((b.x1 - minX).rounded(.down)))
                if a <= e { for x in a...e { wordCover[x] += 1 } }
            }
        }
        return wordCover
    }

    /// `LabelInAGapHeadsTheColumnOnItsRight` rule: labels standing wholly inside a column gap
    /// (left-set headings over right-set figures, a left-set `NA` or `*`) belong to the
    /// column on their right: the boundary goes between the gap's start and the first of
    /// them. Nil when the gap holds no such label.
    ///
    /// `LabelOverAnEmptyColumn` rule: a label with a wide clear space on its right too heads
    /// a column of its own that has no figures yet (`Q4` before the year's end), not the
    /// figures further right, which have their own label starting where the gap ends.
    /// (A label left-set over its right-set figures is joined to them again by
    /// `InterleavedColumnMerger`, since their column has no label.)
    static func floatingLabelSeparators(lo: Double, hi: Double, labelSegs: [Box]) -> [Double]? {
        let floatingLabels = labelSegs.filter { $0.x0 >= lo && $0.x1 <= hi }
        guard let floating = floatingLabels.map(\.x0).min(), floating - lo >= LayoutTolerances.floatingLabelMinInset else { return nil }
        var seps = [(lo + floating) / 2]
        if let right = floatingLabels.map(\.x1).max(), hi - right >= LayoutTolerances.emptyColumnGap,
           labelSegs.contains(where: { $0.x1 > hi && $0.x0 <= hi + LayoutTolerances.emptyColumnGap }) {
            seps.append((right + hi) / 2)
        }
        return seps
    }

    /// The widest run of least word cover inside the gap `range`, as the sum of its start
    /// and end (twice its middle).
    static func leastCutRun(_ wordCover: [Int], _ range: Range<Int>) -> Int {
        let (s, x) = (range.lowerBound, range.upperBound)
        let least = wordCover[s..<x].min() ?? 0
        var best = (start: s, end: x), k = s
        var bestWidth = -1
        while k < x {
            guard wordCover[k] == least else { k += 1; continue }
            let a = k
            while k < x, wordCover[k] == least { k += 1 }
            if k - a > bestWidth { bestWidth = k - a; best = (a, k) }
        }
        return best.start + best.end
    }

    /// Removes separators between two columns that no line fills both of, where some line's
    /// segment runs across the separator: a label over a column whose entries are aligned
    /// differently (a left-set `NA` or `*` beside right-set figures) is one column, not two.
    static func mergeExclusiveColumns(_ seps: [Double], _ block: [TextLine]) -> [Double] {
        guard !seps.isEmpty else { return seps }
        let grid = TableGrid(separators: seps, bands: [], separatorSpans: nil)
        var bridged = [Bool](repeating: false, count: seps.count)
        var both = [Bool](repeating: false, count: seps.count)
        for l in block {
            let segs = segments(l)
            let crossing = seps.map { sep in
                segs.contains { $0.x0 < sep - LayoutTolerances.straddleMargin && $0.x1 > sep + LayoutTolerances.straddleMargin }
            }
            let cells = grid.place(l).cells
            for i in seps.indices {
                if crossing[i] { bridged[i] = true; continue }
                if !cells[i].isEmpty && !cells[i + 1].isEmpty { both[i] = true }
            }
        }
        return seps.indices.filter { !bridged[$0] || both[$0] }.map { seps[$0] }
    }

    /// A column label that never runs into a phrase: a date, a year or year range, a month
    /// with its year, a figure.
    static func isTokenLabel(_ t: String) -> Bool {
        if FigureShape.isFigure(t) { return true }
        // every form holds a digit: a word without one is not matched (a byte beyond ASCII
        // says "maybe": `\d` also matches other scripts' digits)
        guard t.mayHoldDigit() else { return false }
        return t.matches(pattern: tokenLabel)
    }

    /// A date, a year or year range, or a month with its year, as the whole word.
    static let tokenLabel = #"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(19|20)\d\d([/-]\d{2,4})?|[A-Za-z]{3,9}[-']\d{2,4})$"#

    /// Adds column boundaries between the words of a label line (no figures) where both are
    /// token labels (dates, years) and no word of any other line of the block crosses the gap
    /// between them: a row of dates set closer than column spacing, over figures that fill only
    /// some of the dates, is one column per date.
    static func headerTokenSeparators(_ seps: [Double], _ block: [TextLine]) -> [Double] {
        var added: [Double] = []
        let boxes = block.enumerated().flatMap { i, l in l.words.compactMap(\.box).map { (line: i, box: $0) } }
        for (i, l) in block.enumerated() where !l.cells.contains(where: FigureShape.isFigure) {
            let ws = l.words.filter { $0.box != nil }.sorted { $0.box!.x0 < $1.box!.x0 }
            guard ws.count >= LayoutTolerances.tokenHeaderMinLabels,
                  ws.filter({ isTokenLabel($0.text) }).count >= LayoutTolerances.tokenHeaderMinLabels else { continue }
            let grid = TableGrid(separators: seps + added.sorted(), bands: [], separatorSpans: nil)
            for k in 1..<ws.count {
                let a = ws[k - 1].box!, b = ws[k].box!
                guard isTokenLabel(ws[k - 1].text), isTokenLabel(ws[k].text), b.x0 - a.x1 >= LayoutTolerances.tokenLabelMinGap,
                      grid.column(ofX: a.midX) == grid.column(ofX: b.midX) else { continue }
                let margin = LayoutTolerances.tokenGapCrossMargin
                guard !boxes.contains(where: { $0.line != i && $0.box.x0 < b.x0 - margin && $0.box.x1 > a.x1 + margin }) else { continue }
                added.append((a.x1 + b.x0) / 2)
            }
        }
        return added.isEmpty ? seps : (seps + added).sorted()
    }

    /// Row rules that run between lines: a "rule" through the middle of a line of text (dense
    /// italics or bold read as ink in the page image) does not split rows.
    static func bandsBetweenLines(_ bands: [Double], _ lines: [TextLine]) -> [Double] {
        let boxes = lines.compactMap(\.box)
        let inset = LayoutTolerances.rowRuleTextInset
        return bands.filter { y in !boxes.contains { $0.y0 + inset < y && $0.y1 - inset > y } }
    }

    /// Rows at the bottom of an unruled table that are notes under it, not rows of it (a
    /// `Source: …` line, a footnote): set apart by more than the table's row spacing, or
    /// below the table's closing rule (the last of `bandRules`), and either one cell of text
    /// or text running across a column boundary. They come back as plain lines.
    static func splitOffNotes(_ rows: [TextLine], separators: [Double], bandRules: [Double] = []) -> (rows: [TextLine], notes: [TextLine]) {
        guard rows.count >= LayoutTolerances.notesMinTableRows else { return (rows, []) }
        let gaps = zip(rows, rows.dropFirst()).compactMap { a, b -> Double? in
            guard let ab = a.box, let bb = b.box else { return nil }
            return bb.y0 - ab.y1
        }.sorted()
        guard !gaps.isEmpty else { return (rows, []) }
        let median = gaps[gaps.count / 2]
        // each later column's ink in the table's rows with figures
        let width = rows[0].cells.count
        var extent = [(lo: Double, hi: Double)?](repeating: nil, count: width)
        for r in rows where r.cells.contains(where: FigureShape.isFigure) {
            guard let cb = r.cellBoxes, cb.count == width else { continue }
            for c in 1..<width where !r.cells[c].isEmpty {
                extent[c] = extent[c].map { (min($0.lo, cb[c].x0), max($0.hi, cb[c].x1)) } ?? (cb[c].x0, cb[c].x1)
            }
        }
        func noteLike(_ r: TextLine) -> Bool {
            if r.cells.filter({ !$0.isEmpty }).count == 1 { return true }
            guard let cb = r.cellBoxes, cb.count == width else { return false }
            let h = r.words.compactMap { $0.box?.height }.min() ?? LayoutTolerances.fallbackNoteHeight
            return (1..<width).contains { c in
                guard !r.cells[c].isEmpty, !FigureShape.isFigure(r.cells[c]) else { return false }
                // text running across a boundary, or out into the blank between columns
                if c < separators.count, cb[c].x1 > separators[c] + LayoutTolerances.noteOverrunMargin { return true }
                guard let e = extent[c] else { return false }
                return cb[c].x0 < e.lo - h || cb[c].x1 > e.hi + h
            }
        }
        func apart(_ k: Int) -> Bool {
            guard let b = rows[k].box, let pb = rows[k - 1].box else { return false }
            // `ClosingRuleEndsTheTable`: the table's last rule across its width lies between them
            if let closing = bandRules.max(), pb.y1 <= closing, b.y0 >= closing { return true }
            return b.y0 - pb.y1 > median + LayoutTolerances.noteGapExcess * min(b.height, pb.height)
        }
        // the run of note-like rows at the bottom; the notes start at its first gap
        var first = rows.count
        while first > 1, noteLike(rows[first - 1]) { first -= 1 }
        guard let end = (max(first, LayoutTolerances.notesMinKeptRows)..<rows.count)
.first(where: apart) else { return (rows, []) }
        let notes = rows[end...].map { r -> TextLine in
            var l = rebuild(r, r.words)
            l.tableRegion = nil
            return l
        }
        return (Array(rows[..<end]), notes)
    }

    /// Drops columns that are empty in every row of a region.
    static func dropEmptyColumns(_ rows: [TextLine]) -> [TextLine] {
        guard let width = rows.first?.cells.count else { return rows }
        let keep = (0..<width).filter { c in rows.contains { !$0.cells[c].isEmpty } }
        guard keep.count < width, !keep.isEmpty else { return rows }
        return rows.map { r in
            var q = r
            q.cells = keep.map { r.cells[$0] }
            q.cellBoxes = r.cellBoxes.map { cb in keep.map { cb[$0] } }
            return q
        }
    }
}
