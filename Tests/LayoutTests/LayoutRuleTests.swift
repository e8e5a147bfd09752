import Testing
import ScrutinyCore
@testable import Layout

/// Each named layout rule on small synthetic geometry: one input that fires it and a
/// counter-example that must not (lines from `geoLine`: 7-point text, 3 points a character).

/// The lines placed in `grid`'s columns, as `TableGrid.rows` places them.
private func placed(_ grid: TableGrid, _ lines: [TextLine]) -> [TableGrid.GridLine] {
    lines.map { l in
        let (cells, boxes) = grid.place(l)
        return TableGrid.GridLine(line: l, cells: cells, boxes: boxes)
    }
}

/// A row holding one line with the given cells.
private func row(_ cells: [String], lines: Int = 1) -> TableGrid.Row {
    var r = TableGrid.Row(columns: cells.count, lines: Array(repeating: TextLine(cells: cells), count: lines))
    r.cells = cells
    return r
}

@Suite struct TableGridRuleTests {
    @Test func denseRuledGrid() {
        // most bands hold one line: a cell grid
        #expect(TableGrid.isDenseGrid([[0], [1], [2, 3]]))
        // counter-examples: most bands hold several lines; a single band
        #expect(!TableGrid.isDenseGrid([[0, 1, 2], [3, 4, 5], [6]]))
        #expect(!TableGrid.isDenseGrid([[0]]))
    }

    @Test func captionLinesAboveHeader() {
        let grid = TableGrid(separators: [100, 200], bands: [], separatorSpans: nil)
        let header = geoLine(109, [("Measure", 50), ("Actual", 150), ("Comments", 210)])
        #expect(TableGrid.captionLineCount(placed(grid, [geoLine(100, [("Targets", 50)]), header])) == 1)
        // at most two captions
        let three = [geoLine(82, [("Council", 50)]), geoLine(91, [("Plan", 50)]), geoLine(100, [("Targets", 50)]), header]
        #expect(TableGrid.captionLineCount(placed(grid, three)) == 2)
        // counter-example: a first line with a second cell filled is the header itself
        #expect(TableGrid.captionLineCount(placed(grid, [header, geoLine(118, [("Level", 50), ("48.1%", 150)])])) == 0)
    }

    @Test func labelBandIsHeader() {
        let grid = TableGrid(separators: [140, 240], bands: [121], separatorSpans: nil)
        let labels = [
            geoLine(102, [("Cycle", 50), ("Percent", 190), ("Fuel", 215), ("Savings", 231)]),
            geoLine(111, [("Name", 50), ("Improved", 150), ("Decreased", 250)]),
            geoLine(126, [("2012_2", 50), ("5.9%", 160), ("9.5%", 260)]),
        ]
        let p = placed(grid, labels)
        #expect(grid.isLabelBand(p, from: 0, census: grid.bandCensus(p)))
        // counter-example: a figure in the first band makes it a body row
        var withFigure = labels
        withFigure[1] = geoLine(111, [("Name", 50), ("5.9%", 160), ("Decreased", 250)])
        let q = placed(grid, withFigure)
        #expect(!grid.isLabelBand(q, from: 0, census: grid.bandCensus(q)))
    }

    @Test func outdentedLineStartsARow() {
        let grid = TableGrid(separators: [100, 200], bands: [], separatorSpans: nil)
        let total = geoLine(100, [("Total", 50), ("135", 150), ("100", 250)])
        // a group label set out to the left, right under a row: a row of its own
        let outdented = [total, geoLine(108, [("Purposes", 44)]), geoLine(117, [("Literary", 50), ("72", 150), ("53", 250)])]
        #expect(grid.rows(outdented, region: 1).map(\.cells).count == 3)
        #expect(TableGrid.outdented(outdented[1], under: total, firstColumn: true))
        // counter-examples: wrapped text flush with the label, or indented under it
        let wrapped = [total, geoLine(108, [("items", 50)])]
        #expect(grid.rows(wrapped, region: 1).map(\.cells) == [["Total\nitems", "135", "100"]])
        #expect(!TableGrid.outdented(geoLine(108, [("items", 53)]), under: total, firstColumn: true))
        #expect(!TableGrid.outdented(geoLine(108, [("“lasted", 44)]), under: total, firstColumn: true))
    }

    @Test func spannerRuleUnderGroupLabel() {
        // two group labels, each over a short rule across the two columns it heads
        var grid = TableGrid(separators: [100, 160, 220, 280], bands: [], separatorSpans: nil)
        let header = placed(grid, [
            geoLine(100, [("All", 115), ("items", 127), ("Trend", 235), ("items", 253)]),
            geoLine(111, [("Domain", 20), ("Number", 110), ("Percent", 170), ("Number", 230), ("Percent", 290)]),
        ])
        grid.spannerRules = [Box(x0: 102, y0: 108, x1: 218, y1: 109), Box(x0: 222, y0: 108, x1: 340, y1: 109)]
        #expect(grid.groupLabelsOverSpannerRules(header)?.spans == [1...2, 3...4])
        #expect(grid.joinedHeader(header).map(\.cells) == [["Domain", "All items", "", "Trend items", ""],
                                                           ["", "Number", "Percent", "Number", "Percent"]])
        // counter-examples: no rules (one header row); one rule under both labels (a grid's
        // inner rule); a rule under one column's label only (an underline)
        grid.spannerRules = []
        #expect(grid.joinedHeader(header).count == 1)
        grid.spannerRules = [Box(x0: 102, y0: 108, x1: 340, y1: 109)]
        #expect(grid.groupLabelsOverSpannerRules(header) == nil)
        grid.spannerRules = [Box(x0: 112, y0: 108, x1: 150, y1: 109)]
        #expect(grid.groupLabelsOverSpannerRules(header) == nil)
    }

    @Test func nestedSpannerRulesSplitTheHeaderAgain() {
        // `Year` over a rule over `2007 | 2008`, each year over a rule over `no. | (%)`
        var grid = TableGrid(separators: [100, 160, 220, 280], bands: [], separatorSpans: nil)
        let header = placed(grid, [
            geoLine(90, [("Year", 215)]),
            geoLine(101, [("2007", 150), ("2008", 270)]),
            geoLine(112, [("Group", 20), ("no.", 110), ("(%)", 170), ("no.", 230), ("(%)", 290)]),
        ])
        grid.spannerRules = [Box(x0: 102, y0: 98, x1: 340, y1: 99),
                             Box(x0: 102, y0: 109, x1: 218, y1: 110), Box(x0: 222, y0: 109, x1: 340, y1: 110)]
        #expect(grid.joinedHeader(header).map(\.cells) == [["Group", "Year", "", "", ""],
                                                           ["", "2007", "", "2008", ""],
                                                           ["", "no.", "(%)", "no.", "(%)"]])
        // counter-example: the years with no rules of their own stay one row under `Year`
        grid.spannerRules = [Box(x0: 102, y0: 98, x1: 340, y1: 99)]
        #expect(grid.joinedHeader(header).map(\.cells) == [["Group", "Year", "", "", ""],
                                                           ["", "2007 no.", "(%)", "2008 no.", "(%)"]])
    }

    @Test func spannerRuleSpacesTheHeader() {
        let grid = TableGrid(separators: [100, 160], bands: [], separatorSpans: nil)
        // the labels under a group label's rule stand 8 pt (over a line's spacing) below it
        let lines = [(geoLine(100, [("Year", 150)]), ["", "Year", ""]),
                     (geoLine(115, [("Measure", 20), ("2007", 110), ("2008", 170)]), ["Measure", "2007", "2008"]),
                     (geoLine(125, [("Income", 20), ("49", 110), ("51", 170)]), ["Income", "49", "51"])]
        #expect(grid.headerBlockLength(lines, groupLabelsFirst: true) == 2)
        // counter-example: without a spanner rule under the first line, it is no header
        #expect(grid.headerBlockLength(lines, groupLabelsFirst: false) == 1)
    }

    @Test func ratingValuesEndTheHeader() {
        #expect(TableGrid.holdsRatingValues(["Adoptions and SGOs", "GREEN", "", "↓"]))
        // counter-examples: RAG colours as column labels under a group label; trend words as labels
        #expect(!TableGrid.holdsRatingValues(["", "Red", "Amber", "Green"]))
        #expect(!TableGrid.holdsRatingValues(["Cycle", "KI", "Improved", "Decreased"]))
    }

    @Test func nestedGroupHeader() {
        let rows = [["Age", "Women", "", "", ""],
                    ["", "Hispanic", "", "Other", ""],
                    ["", "no.", "Rate", "no.", "Rate"],
                    ["45-54", "263", "11.8", "2,590", "13.1"]]
        #expect(HeaderRowDetector.split(rows) == .init(captionRows: 0, headerRows: 3))
        #expect(TableHeader.leafLabels(Array(rows.prefix(3))) == ["Age", "Women Hispanic no.", "Women Hispanic Rate", "Women Other no.", "Women Other Rate"])
        // years label the levels as well
        let years = [["Characteristic", "2007", "", "", "2009", "", ""],
                     ["", "Total", "Inadequate", "", "Total", "Inadequate", ""],
                     ["", "", "no.", "(%)", "", "no.", "(%)"],
                     ["Male", "61,206", "2,862", "(4.7)", "60,721", "2,962", "(4.9)"]]
        #expect(HeaderRowDetector.nestedGroupHeaderRows(years, at: 0) == 3)
        // counter-examples: figures under the stub label (a body row), a header of two levels
        var figures = rows
        figures[2] = ["", "12", "Rate", "no.", "Rate"]
        #expect(HeaderRowDetector.nestedGroupHeaderRows(figures, at: 0) == nil)
        #expect(HeaderRowDetector.nestedGroupHeaderRows([rows[0], rows[2], rows[3]], at: 0) == nil)
    }

    @Test func yearsUnderAYearLabelAreHeader() {
        let rows = [["Inequality measure", "Year", "", ""], ["", "1997", "1998", "1999"], ["Income", "$49,497", "$51,295", "$52,587"]]
        #expect(HeaderRowDetector.split(rows) == .init(captionRows: 0, headerRows: 2))
        #expect(TableHeader.leafLabels(Array(rows.prefix(2))) == ["Inequality measure", "Year 1997", "Year 1998", "Year 1999"])
        // counter-example: figures other than years under the label are the body
        let body = [rows[0], ["", "12.5", "13.1", "14.0"], rows[2]]
        #expect(HeaderRowDetector.split(body).headerRows == 1)
    }

    @Test func stubLabelOverGroupedHeader() {
        let grouped = [["Substance", "Frequency of substance abuse", "", ""],
                       ["", "In the last month", "In the last year", "Never"],
                       ["Cannabis", "9.6%", "4.0%", "80.1%"]]
        #expect(HeaderRowDetector.split(grouped) == .init(captionRows: 0, headerRows: 2))
        // counter-examples: a table title wrapped over two rows, and a lone caption
        let title = [["Table 16.", "Actual and projected numbers for elementary and secondary teachers and secondary new", "", ""],
                     ["", "teacher hires, by control of school: Fall 1996 through fall 2021", "[In thousands]", ""],
                     ["Year", "Total", "Public", "Private"],
                     ["1996", "3,051", "2,667", "384"]]
        #expect(!HeaderRowDetector.stubLabelOverGroupedHeader(title, at: 0))
        let caption = [["Targets", "", "", ""], ["", "Q1", "Q2", "Q3"], ["Visits", "4", "5", "6"]]
        #expect(!HeaderRowDetector.stubLabelOverGroupedHeader(caption, at: 0))
    }

    @Test func centredRowIsComplete() {
        // each label on two lines with its figures centred between them, rows set tight
        let grid = TableGrid(separators: [100, 200], bands: [], separatorSpans: nil)
        let lines = [
            geoLine(100, [("Mean", 50)]),
            geoLine(103, [("0.8766", 150), ("0.8762", 250)]),
            geoLine(106, [("(HALex)", 50)]),
            geoLine(114, [("Inequality", 50)]),
            geoLine(117, [("0.0928", 150), ("0.0872", 250)]),
            geoLine(120, [("ages", 50)]),
        ]
        #expect(grid.rows(lines, region: 1).map(\.cells) == [["Mean\n(HALex)", "0.8766", "0.8762"],
                                                            ["Inequality\nages", "0.0928", "0.0872"]])
        // counter-examples: figures on the label's first line; a label with more lines above
        // its figures than below
        var row = TableGrid.Row(placed(grid, [geoLine(100, [("Level", 50), ("48", 150)])])[0], band: 0)
        #expect(!TableGrid.centredRowIsComplete(placed(grid, [geoLine(111, [("pupils", 50)])])[0], row))
        let two = placed(grid, [geoLine(100, [("Pupils", 50)]), geoLine(109, [("with", 50)]), geoLine(112, [("12", 150), ("14", 250)])])
        row = TableGrid.Row(two[0], band: 0)
        row.lines += [two[1].line, two[2].line]
        #expect(!TableGrid.centredRowIsComplete(placed(grid, [geoLine(121, [("SEN", 50)])])[0], row))
    }

    @Test func ocrLeadingQuoteIsASpeck() {
        // OCR stretched `“Any` over a speck left of it, across the boundary at 417
        let speck = Word(text: "“Any", box: Box(x0: 403, y0: 100, x1: 436, y1: 108), confidence: 80)
        let next = Word(text: "Comments", box: Box(x0: 439, y0: 100, x1: 484, y1: 108), confidence: 90)
        let trimmed = TableGrid.letterBox(speck, among: [speck, next])
        #expect(trimmed.x0 > 417 && trimmed.x1 == 436)
        let grid = TableGrid(separators: [100, 417], bands: [], separatorSpans: nil)
        let line = TextLine(cells: ["“Any Comments"], cellBoxes: [Box(x0: 403, y0: 100, x1: 484, y1: 108)],
                            box: Box(x0: 403, y0: 100, x1: 484, y1: 108), words: [speck, next], bold: false, fontSize: 8)
        #expect(grid.place(line).cells == ["", "", "“Any Comments"])
        // counter-examples: the same word from a text layer, and a quote as wide as a letter
        var exact = speck; exact.confidence = nil
        #expect(TableGrid.letterBox(exact, among: [exact, next]) == exact.box)
        let tight = Word(text: "“Any", box: Box(x0: 415, y0: 100, x1: 436, y1: 108), confidence: 80)
        #expect(TableGrid.letterBox(tight, among: [tight, next]) == tight.box)
    }

    @Test func proseUnderALabelIsNoHeader() {
        let header = [geoLine(100, [("Measure", 20), ("Actual", 150), ("Any", 300), ("Comments", 315)]),
                      geoLine(109, [("(May)", 150)])]
        let labelled = [(header[0], ["Measure", "Actual", "Any Comments"]), (header[1], ["", "(May)", ""])]
        let prose = geoLine(130, [("performance", 300), ("with", 336), ("team", 351)])
        #expect(TableGrid.proseUnderALabel(["", "", "performance with team"], at: prose.box!, under: labelled[...]))
        // counter-examples: a label's wrapped line right under it, though a line of another
        // column's labels comes between; a label set low in a column nothing above labels;
        // a line filling two columns
        let wrapped = geoLine(112, [("2014)", 300)])
        #expect(!TableGrid.proseUnderALabel(["", "", "2014)"], at: wrapped.box!, under: labelled[...]))
        #expect(!TableGrid.proseUnderALabel(["Note", "", ""], at: prose.box!, under: labelled[1...]))
        #expect(!TableGrid.proseUnderALabel(["Total", "", "managers"], at: prose.box!, under: labelled[...]))
    }

    @Test func centredCellsShareARow() {
        // 7-point lines: a label on two lines 6 points apart, its figures centred between them
        let grid = TableGrid(separators: [100, 200], bands: [], separatorSpans: nil)
        let lines = [
            geoLine(100, [("Investigative", 50)]),
            geoLine(103, [("426", 150), ("365", 250)]),
            geoLine(106, [("Received", 50)]),
            geoLine(120, [("Charged", 50), ("290", 150), ("259", 250)]),
        ]
        #expect(grid.rows(lines, region: 1).map(\.cells) == [["Investigative\nReceived", "426", "365"], ["Charged", "290", "259"]])
        // counter-examples: two tight lines of labels; figures under figures
        let row = { (g: TableGrid.GridLine) in TableGrid.Row(g, band: 0) }
        let p = placed(grid, [geoLine(100, [("Inadequate", 150)]), geoLine(103, [("total", 50)]),
                              geoLine(100, [("Level", 50), ("12", 150)]), geoLine(103, [("14", 150)])])
        #expect(!TableGrid.overlapsLastLine(p[1], of: row(p[0])))
        #expect(!TableGrid.overlapsLastLine(p[3], of: row(p[2])))
        #expect(TableGrid.overlapsLastLine(placed(grid, [lines[1]])[0], of: row(placed(grid, [lines[0]])[0])))
    }

    @Test func headerFillsItsBand() {
        // a rule at 140 closes a header of four lines; the last carries a long stub label
        let lines = [
            geoLine(100, [("Percent", 150), ("borrowed", 176)]),
            geoLine(109, [("Under-", 150)]),
            geoLine(118, [("graduate", 150), ("Graduate", 250)]),
            geoLine(127, [("Student and institutional characteristics", 20), ("only", 150), ("only", 250)]),
            geoLine(150, [("Total", 20), ("31.4", 150), ("23.7", 250)]),
        ]
        let ruled = TableGrid(separators: [140, 240], bands: [140], separatorSpans: nil)
        let p = placed(ruled, lines)
        #expect(ruled.headerFillingItsBand(p, lead: 0, lines: 3, census: ruled.bandCensus(p)) == 4)
        // counter-example: no rule under the header, the band runs on into figures
        let open = TableGrid(separators: [140, 240], bands: [], separatorSpans: nil)
        let q = placed(open, lines)
        #expect(open.headerFillingItsBand(q, lead: 0, lines: 3, census: open.bandCensus(q)) == 3)
        // counter-example: a ruled card whose last line carries values in words and digits
        var card = lines
        card[3] = geoLine(127, [("Actual", 20), ("49", 45), ("Target", 150), ("48", 180)])
        let c = placed(ruled, card)
        #expect(ruled.headerFillingItsBand(c, lead: 0, lines: 3, census: ruled.bandCensus(c)) == 3)
    }

    @Test func headerKeepsItsBands() {
        let lines = [
            geoLine(100, [("Measure", 50), ("Actual", 150)]),
            geoLine(109, [("(as", 150), ("at", 166)]),
            geoLine(130, [("Level", 50), ("48.1%", 150)]),
        ]
        // shading edges between the header lines: each in its own band, the body in another
        let shaded = TableGrid(separators: [100], bands: [108, 117, 126], separatorSpans: nil)
        #expect(shaded.headerKeepsItsBands(placed(shaded, lines), header: 0..<2))
        // counter-example: the body line shares the header's band
        let oneBand = TableGrid(separators: [100], bands: [140], separatorSpans: nil)
        #expect(!oneBand.headerKeepsItsBands(placed(oneBand, lines), header: 0..<2))
    }

    @Test func multiLineHeaderIsOneRowUnlessAGroupLabelSplitsIt() {
        let plain = TableGrid(separators: [100, 200], bands: [], separatorSpans: nil)
        let header = [
            geoLine(109, [("Measure", 50), ("Actual", 150), ("Comments", 210)], bold: true),
            geoLine(118, [("(as", 150), ("at", 166)], bold: true),
        ]
        #expect(plain.joinedHeader(placed(plain, header)).map(\.cells) == [["Measure", "Actual (as at", "Comments"]])
        // a group label over two columns: two rows, the group whole in its first column
        let grouped = TableGrid(separators: [105, 155, 205, 255], bands: [], separatorSpans: nil)
        let lines = [
            geoLine(100, [("Measure", 50), ("Actual", 110), ("Performance", 170), ("Against:", 207), ("Comments", 260)], bold: true),
            geoLine(109, [("Similar", 160), ("National", 210)], bold: true),
        ]
        #expect(grouped.joinedHeader(placed(grouped, lines)).map(\.cells)
                == [["Measure", "Actual", "Performance Against:", "", "Comments"], ["", "", "Similar", "National", ""]])
    }

    @Test func ruleBandIsOneRow() {
        // a dense cell grid: the two lines of the middle band are one row
        let grid = TableGrid(separators: [140, 240], bands: [120, 150], separatorSpans: nil)
        let lines = [
            geoLine(102, [("Children", 50), ("104.9", 160), ("98.8", 260)]),
            geoLine(124, [("Looked", 50), ("after", 78)]),
            geoLine(133, [("children", 50), ("placed", 84), ("out", 114)]),
            geoLine(154, [("Care", 50), ("50", 160), ("65", 260)]),
        ]
        #expect(grid.rows(lines, region: 1).map(\.cells)
                == [["Children", "104.9", "98.8"], ["Looked after\nchildren placed out", "", ""], ["Care", "50", "65"]])
        // counter-example: figures stacked under figures in one band are two rows
        var stacked = lines
        stacked[1] = geoLine(124, [("Looked", 50), ("after", 78), ("12", 160)])
        stacked[2] = geoLine(133, [("Placed", 50), ("out", 74), ("13", 160)])
        #expect(grid.rows(stacked, region: 1).count == 4)
    }

    @Test func stackedFiguresStartARow() {
        #expect(TableGrid.stacksFigures(["Stress", "23", "10.1"], under: ["Refused", "23", "10.1"]))
        // the last line of a wrapped cell counts
        #expect(TableGrid.stacksFigures(["", "13", ""], under: ["Total", "note\n12", ""]))
        // counter-example: a figure under wrapped text
        #expect(!TableGrid.stacksFigures(["", "23", ""], under: ["Children in", "looked after", ""]))
    }

    @Test func figuresUnderLabelLineStartTheBody() {
        let labels = row(["Measure", "Actual", "Target"])
        let figures = ["Children in care", "104.9", "98.8"]
        #expect(TableGrid.figuresUnderLabelLine(figures, under: labels, noFiguresYet: { true }))
        // counter-examples: figures above already, a header of two lines, a second label line
        #expect(!TableGrid.figuresUnderLabelLine(figures, under: labels, noFiguresYet: { false }))
        #expect(!TableGrid.figuresUnderLabelLine(figures, under: row(["Measure", "Actual", "Target"], lines: 2), noFiguresYet: { true }))
        #expect(!TableGrid.figuresUnderLabelLine(["", "(as at", ""], under: labels, noFiguresYet: { true }))
    }

    @Test func wrappedProseJoinsRow() {
        let grid = TableGrid(separators: [150], bands: [], separatorSpans: nil)
        let lines = wrappedProseLines
        let spacing = TableGrid.RowSpacing(lines, ruled: false)
        #expect(spacing.rowSpaced)
        let cells = { (l: TextLine) in grid.place(l).cells }
        #expect(spacing.wrapsRow(lines[1], cells(lines[1]), after: lines[0], cells(lines[0])))
        // counter-examples: set a row's spacing below; a capitalised name at line spacing
        #expect(!spacing.wrapsRow(lines[4], cells(lines[4]), after: lines[3], cells(lines[3])))
        let named = geoLine(136, [("Continue", 50), ("Key", 160), ("Stage", 176)])
        #expect(!spacing.wrapsRow(named, cells(named), after: lines[3], cells(lines[3])))
    }
}

@Suite struct TableFinderRuleTests {
    @Test func strokeIsARule() {
        #expect(TableFinder.isRule(Box(x0: 40, y0: 100, x1: 320, y1: 101), horizontal: true))
        #expect(TableFinder.isRule(Box(x0: 40, y0: 100, x1: 41, y1: 166), horizontal: false))
        // counter-examples: a thick fill, a vertical rule read as horizontal
        #expect(!TableFinder.isRule(Box(x0: 40, y0: 100, x1: 320, y1: 110), horizontal: true))
        #expect(!TableFinder.isRule(Box(x0: 40, y0: 100, x1: 41, y1: 166), horizontal: true))
    }

    @Test func blankBarIsARule() {
        let words = [Box(x0: 80, y0: 262, x1: 170, y1: 272)]
        // a 5.5-point band between two rows, no word on it
        #expect(TableFinder.isBlankBar(Box(x0: 72, y0: 272.8, x1: 525, y1: 278.3), words: words))
        // counter-examples: shading behind a row's words; a stroke (a rule already); a panel
        #expect(!TableFinder.isBlankBar(Box(x0: 72, y0: 262, x1: 525, y1: 269), words: words))
        #expect(!TableFinder.isBlankBar(Box(x0: 72, y0: 300, x1: 525, y1: 301), words: words))
        #expect(!TableFinder.isBlankBar(Box(x0: 72, y0: 300, x1: 525, y1: 340), words: words))
    }

    @Test func wrappedTextBelowBlock() {
        let last = geoLine(100, [("Name", 50), ("1", 150), ("comment", 210)])
        #expect(TableFinder.wrapsLastRow(geoLine(109, [("more", 210)]), below: last, firstSeparator: 100))
        // counter-examples: a line in the first column; a line set further down
        #expect(!TableFinder.wrapsLastRow(geoLine(109, [("Next", 50)]), below: last, firstSeparator: 100))
        #expect(!TableFinder.wrapsLastRow(geoLine(120, [("more", 210)]), below: last, firstSeparator: 100))
    }

    @Test func loneRowLabelBelowBlock() {
        let block = [
            geoLine(100, [("Actual", 50), ("654.1", 150), ("648.9", 200)]),
            geoLine(112, [("Target", 50), ("680", 156), ("680", 206)]),
        ]
        #expect(TableFinder.isLoneRowLabel(geoLine(124, [("Symbol", 50)]), below: block[1], block: block, firstSeparator: 100))
        // counter-examples: set further below than the rows; a figure
        #expect(!TableFinder.isLoneRowLabel(geoLine(140, [("Symbol", 50)]), below: block[1], block: block, firstSeparator: 100))
        #expect(!TableFinder.isLoneRowLabel(geoLine(124, [("12", 50)]), below: block[1], block: block, firstSeparator: 100))
    }

    @Test func groupLabelAboveBlock() {
        let block = [geoLine(110, [("Measure", 20), ("1997", 110), ("1998", 170)]),
                     geoLine(122, [("Income", 20), ("49", 110), ("51", 170)])]
        let year = geoLine(100, [("Year", 140)])
        let under = Box(x0: 102, y0: 108, x1: 200, y1: 108.5)
        #expect(TableFinder.isGroupLabel(year, above: block, firstSeparator: 100, rules: [under]))
        // counter-examples: no rule under the label; a caption starting in the first column;
        // a rule across the whole table (the header's top rule)
        #expect(!TableFinder.isGroupLabel(year, above: block, firstSeparator: 100, rules: []))
        let caption = geoLine(100, [("Table", 20), ("1", 40)])
        #expect(!TableFinder.isGroupLabel(caption, above: block, firstSeparator: 100, rules: [Box(x0: 18, y0: 108, x1: 60, y1: 108.5)]))
        #expect(!TableFinder.isGroupLabel(year, above: block, firstSeparator: 100, rules: [Box(x0: 18, y0: 108, x1: 200, y1: 108.5)]))
    }

    @Test func longRuleSplitsRows() {
        let block = [
            geoLine(100, [("Actual", 50), ("654.1", 150), ("648.9", 200)]),
            geoLine(112, [("Target", 50), ("680", 156), ("680", 206)]),
            geoLine(124, [("Symbol", 50), ("+", 206)]),
        ]
        let long = Box(x0: 40, y0: 117, x1: 300, y1: 118)
        // counter-examples: an underline under one label; a rule below the block
        let underline = Box(x0: 50, y0: 129, x1: 70, y1: 130)
        let below = Box(x0: 40, y0: 160, x1: 300, y1: 161)
        #expect(TableFinder.bandRules([long, underline, below], across: block) == [117.5])
    }

    @Test func labelInAGapHeadsTheColumnOnItsRight() {
        let label = Box(x0: 120, y0: 100, x1: 140, y1: 107)
        #expect(TableFinder.floatingLabelSeparators(lo: 100, hi: 200, labelSegs: [label]) == [110])
        // counter-examples: no label in the gap; a label at the gap's very start
        #expect(TableFinder.floatingLabelSeparators(lo: 100, hi: 200, labelSegs: [Box(x0: 210, y0: 100, x1: 230, y1: 107)]) == nil)
        #expect(TableFinder.floatingLabelSeparators(lo: 100, hi: 200, labelSegs: [Box(x0: 100.5, y0: 100, x1: 120, y1: 107)]) == nil)
    }

    @Test func labelOverAnEmptyColumn() {
        let q4 = Box(x0: 120, y0: 100, x1: 140, y1: 107)
        let target = Box(x0: 205, y0: 100, x1: 230, y1: 107)
        #expect(TableFinder.floatingLabelSeparators(lo: 100, hi: 200, labelSegs: [q4, target]) == [110, 170])
        // counter-example: the label right of the gap starts too far on to be the next column's
        let farTarget = Box(x0: 225, y0: 100, x1: 250, y1: 107)
        #expect(TableFinder.floatingLabelSeparators(lo: 100, hi: 200, labelSegs: [q4, farTarget]) == [110])
    }

    @Test func separatorAtTheWidestRunOfLeastWordCover() {
        // least cover 0 in two runs; the wider (5..<8) wins
        #expect(TableFinder.leastCutRun([3, 1, 0, 0, 1, 0, 0, 0, 2], 1..<8) == 13)
        // counter-example: a tie keeps the first run
        #expect(TableFinder.leastCutRun([0, 0, 1, 0, 0], 0..<5) == 2)
    }
}

/// Words of running text from `x` on, one space (3 points) apart, for `geoLine`.
private func words(_ text: String, at x: Double) -> [(String, Double)] {
    var out: [(String, Double)] = []
    var at = x
    for w in text.split(separator: " ") {
        out.append((String(w), at))
        at += 3 * Double(w.count) + 3
    }
    return out
}

@Suite struct TextColumnsAreNoTableRowsTests {
    /// Four rows of a table: a label at 50, figures at 150, 220 and 290.
    private let rows = [
        geoLine(100, [("Delhi", 50), ("1.29", 150), ("3,665", 220), ("2,409", 290)]),
        geoLine(112, [("Gujarat", 50), ("6.03", 150), ("3,810", 220), ("2,317", 290)]),
        geoLine(124, [("Kerala", 50), ("1.42", 150), ("3,559", 220), ("2,173", 290)]),
        geoLine(136, [("Total", 50), ("11.81", 150), ("22,455", 220), ("19,584", 290)]),
    ]

    @Test func pageTextInTwoColumnsEndsTheTable() {
        // page text in two columns right under the table: each line bridges its column gaps
        let prose = [
            geoLine(148, words("about injecting drug use and unprotected", at: 50) + words("radio programmes were launched in", at: 200)),
            geoLine(157, words("reducing stigma and discrimination attached", at: 50) + words("rural women and rural youth as", at: 200)),
        ]
        let lines = rows + prose
        var tracker = ColumnGapTracker()
        rows.forEach { tracker.add($0) }
        #expect(tracker.bridgesColumnGaps(prose[0]))
        #expect(TableFinder.alignedBlock(lines, from: 0) == rows.count)
    }

    @Test func rowsThatNarrowOrSpanOneGapStay() {
        // counter-examples: a long row label that runs across one gap only, in running text
        let wide = geoLine(148, words("Children looked after in care and care leavers", at: 50) + [("4,001", 290)])
        // figures wider than the narrow header words above them bridge those gaps, but are no text
        let header = [
            geoLine(88, [("Area", 50), ("no.", 150), ("Rate", 170), ("no.", 220), ("Rate", 240), ("no.", 290)]),
        ]
        let figures = geoLine(148, [("Leeds", 50), ("(102.7-103.6)", 148), ("(42.3-42.9)", 218), ("1,000", 290)])
        var rowTracker = ColumnGapTracker()
        rows.forEach { rowTracker.add($0) }
        #expect(rowTracker.gapsBridged(by: wide) == 1)
        #expect(TableFinder.alignedBlock(rows + [wide], from: 0) == rows.count + 1)
        var tracker = ColumnGapTracker()
        (header + rows).forEach { tracker.add($0) }
        #expect(tracker.gapsBridged(by: figures) == 0)
        #expect(TableFinder.alignedBlock(header + rows + [figures], from: 0) == header.count + rows.count + 1)
    }
}

@Suite struct TableAssemblerRuleTests {
    func table(_ rows: [[String]], page: Int? = 1) -> TableAssembler.RawTable {
        TableAssembler.RawTable(rows: rows.enumerated().map { i, c in
            TableAssembler.PlacedLine(line: TextLine(cells: c), page: page, index: i)
        }, breaks: [])
    }

    @Test func rowContinuesTable() {
        let t = table([["A", "1", "2"]])
        let a = TableAssembler()
        #expect(a.takesRow(TextLine(cells: ["B", "3", "4"]), into: t, pendingBreak: false, samePage: true))
        // after a break, only a row of the table's width
        #expect(a.takesRow(TextLine(cells: ["B", "3", "4"]), into: t, pendingBreak: true, samePage: true))
        #expect(!a.takesRow(TextLine(cells: ["B", "3"]), into: t, pendingBreak: true, samePage: true))
        // counter-example: prose
        #expect(!a.takesRow(TextLine(cells: ["Some text"]), into: t, pendingBreak: false, samePage: true))
    }

    @Test func captionInsideTableBlock() {
        let a = TableAssembler()
        let caption = TextLine(cells: ["Targets", "", ""])
        #expect(a.opensTableAsCaption(caption, next: TextLine(cells: ["Measure", "Actual", "Target"])))
        // counter-examples: above prose; above a row of another width
        #expect(!a.opensTableAsCaption(caption, next: TextLine(cells: ["Some text"])))
        #expect(!a.opensTableAsCaption(caption, next: TextLine(cells: ["Measure", "Actual"])))
    }
}

@Suite struct LayoutToleranceTests {
    @Test func shareComparesInWholeNumbers() {
        let fourInFive = LayoutTolerances.Share(4, of: 5)
        #expect(fourInFive.admits(4, of: 5))
        #expect(fourInFive.admits(8, of: 10))
        #expect(!fourInFive.admits(7, of: 10))
    }
}
