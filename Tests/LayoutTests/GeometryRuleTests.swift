import Testing
import ScrutinyCore
@testable import Layout

/// A line built from words at given x positions on baseline `y` (7-point text, 3 points a
/// character), split into cells at gaps wider than a space — as the PDF reader does.
func geoLine(_ y: Double, _ words: [(String, Double)], bold: Bool = false) -> TextLine {
    let ws = words.map { t, x in
        Word(text: t, box: Box(x0: x, y0: y, x1: x + 3 * Double(t.count), y1: y + 7), fontSize: 7, bold: bold)
    }
    var cells: [String] = [], boxes: [Box] = []
    var prev: Box?
    for w in ws {
        let b = w.box!
        if let p = prev, b.x0 - p.x1 <= 0.6 * 7 {
            cells[cells.count - 1] += " " + w.text; boxes[boxes.count - 1] = boxes[boxes.count - 1].union(b)
        } else { cells.append(w.text); boxes.append(b) }
        prev = b
    }
    return TextLine(cells: cells, cellBoxes: boxes, box: Box.enclosing(boxes), words: ws, bold: bold, fontSize: 7)
}

func tableRows(_ lines: [TextLine]) -> [[String]] {
    let page = PageText(number: 1, width: 600, height: 800, lines: lines, method: .pdf)
    return TableFinder.layout(page).lines.filter { $0.tableRegion != nil }.map(\.cells)
}

@Suite struct GeometryRuleTests {
    /// Header printed on three lines with a group label over three columns: one header row
    /// for the plain columns, the group label's row, and the labels under it as a second row.
    @Test func multiLineHeaderWithGroupLabelBecomesTwoRows() {
        let lines = [
            geoLine(100, [("Measure", 50), ("Actual", 150), ("(as", 172), ("Performance", 220), ("Against:", 262), ("Comments", 420)], bold: true),
            geoLine(109, [("at", 150), ("May", 158), ("Similar", 220), ("National", 280), ("Target", 360)], bold: true),
            geoLine(118, [("2014)", 150), ("Authorities", 220)], bold: true),
            geoLine(132, [("Level", 50), ("3", 68), ("48.1%", 175), ("45.8%", 250), ("48.1%", 289), ("55%", 375), ("Below", 420), ("target", 438)]),
            geoLine(146, [("Absence", 50), ("6.6%", 178), ("10.4%", 250), ("13.0%", 289), ("8%", 378), ("Good", 420)]),
        ]
        let rows = tableRows(lines)
        #expect(rows.count == 4)
        #expect(rows[0] == ["Measure", "Actual (as at May 2014)", "Performance Against:", "", "", "Comments"])
        #expect(rows[1] == ["", "", "Similar Authorities", "National", "Target", ""])
        #expect(rows[2] == ["Level 3", "48.1%", "45.8%", "48.1%", "55%", "Below target"])
    }

    /// A left-set label over right-set figures, and a left-set `NA` beside right-set
    /// figures: each goes with the figures' column, not a column of its own.
    @Test func leftSetLabelsAndEntriesJoinTheirFiguresColumn() {
        let lines = [
            geoLine(100, [("Service", 50), ("Below", 200), ("target", 218), ("Previous", 300)]),
            geoLine(112, [("Care", 50), ("1", 257), ("NA", 300)]),
            geoLine(124, [("Learning", 50), ("2", 257), ("48.74%", 318)]),
            geoLine(136, [("Early", 50), ("3", 257), ("171", 327)]),
            geoLine(148, [("Total", 50), ("6", 257), ("45", 330)]),
        ]
        let rows = tableRows(lines)
        #expect(rows.map(\.count) == [3, 3, 3, 3, 3])
        #expect(rows[0] == ["Service", "Below target", "Previous"])
        #expect(rows[1] == ["Care", "1", "NA"])
        #expect(rows[2] == ["Learning", "2", "48.74%"])
    }

    /// A table header repeated at the top of each page is not a running header, while the
    /// page title above it (set apart) is.
    @Test func repeatedTableHeaderIsNotRunningFurniture() {
        func page(_ n: Int) -> PageText {
            PageText(number: n, width: 600, height: 800, lines: [
                geoLine(20, [("Council", 50), ("Plan", 90)]),
                geoLine(60, [("Measure", 50), ("Actual", 150), ("Target", 250)]),
                geoLine(69, [("(as", 150), ("at", 166)]),
                geoLine(78, [("Row", 50), (["Alpha", "Beta", "Gamma"][n - 1], 150), ("Target", 250)]),
                geoLine(300, [("Body", 50), ("text", 80), ("\(n)", 120)]),
            ], method: .pdf)
        }
        let (pages, headers) = RunningHeaderFinder.strip([page(1), page(2), page(3)])
        #expect(headers == ["Council Plan"])
        #expect(pages[1].lines.map(\.text) == ["Measure Actual Target", "(as at", "Row Beta Target", "Body text 2"])
    }

    /// Wrapped text continuing only the last column keeps joining the row it started.
    @Test func wrappedOnlyRowsKeepTakingWrappedLines() {
        let grid = TableGrid(separators: [100, 200], bands: [], separatorSpans: nil)
        let lines = [
            geoLine(100, [("Name", 50), ("1", 150), ("comment", 210)]),
            geoLine(109, [("more", 210)]),
            geoLine(118, [("still", 210)]),
        ]
        let rows = grid.rows(lines, region: 1)
        #expect(rows.count == 1)
        #expect(rows[0].cells[2] == "comment\nmore\nstill")
    }

    /// A caption line, then a header whose lines are each in their own rule band (edges of
    /// shading): the caption stays a row of its own and the header lines join into one row.
    @Test func headerLinesAcrossShadingBandsJoinAfterACaption() {
        let grid = TableGrid(separators: [100, 200], bands: [108, 117, 126], separatorSpans: nil)
        let lines = [
            geoLine(100, [("Targets", 50)], bold: true),
            geoLine(109, [("Measure", 50), ("Actual", 150), ("Comments", 210)], bold: true),
            geoLine(118, [("(as", 150), ("at", 166)], bold: true),
            geoLine(130, [("Level", 50), ("48.1%", 150), ("Good", 210)]),
        ]
        let rows = grid.rows(lines, region: 1)
        #expect(rows.map(\.cells) == [["Targets", "", ""], ["Measure", "Actual (as at", "Comments"], ["Level", "48.1%", "Good"]])
    }
    /// A row of dates set closer than column spacing (in groups of three) over figures filling
    /// only some of the dates: each date is its own column, the figures under their dates.
    @Test func datesInAHeaderLineAreEachTheirOwnColumn() {
        let lines = [
            geoLine(100, [("30/04/12", 100), ("31/05/12", 128), ("30/06/12", 156), ("31/07/12", 190), ("31/08/12", 218), ("30/09/12", 246)]),
            geoLine(112, [("Actual", 50), ("654.1", 165), ("648.9", 255)]),
            geoLine(124, [("Target", 50), ("680", 171), ("680", 261)]),
            geoLine(136, [("Symbol", 50), ("+", 256)]),
        ]
        let rows = tableRows(lines)
        #expect(rows.first == ["", "30/04/12", "31/05/12", "30/06/12", "31/07/12", "31/08/12", "30/09/12"])
        #expect(rows.dropFirst().first == ["Actual", "", "", "654.1", "", "", "648.9"])
        #expect(rows.last == ["Symbol", "", "", "", "", "", "+"])
    }
    /// Prose on a page with geometry: a wider space than the line spacing starts a new
    /// paragraph, and a long heading wrapped at line spacing is one heading.
    @Test func paragraphGapsAndWrappedHeadings() {
        func heading(_ y: Double, _ words: [(String, Double)]) -> TextLine {
            var l = geoLine(y, words, bold: true); l.headingLevel = 2; return l
        }
        let long = "Objective 5 Ensure that vulnerable children and young people are"
        let lines = [
            heading(100, [(long, 50)]),
            heading(109, [("safe", 50), ("from", 66)]),
            geoLine(130, [("PI", 50), ("1391", 58), ("first", 74)]),
            geoLine(139, [("was", 50), ("72.", 63)]),
            geoLine(155, [("PI", 50), ("1172", 58), ("second", 74)]),
            geoLine(164, [("was", 50), ("676.", 63)]),
        ]
        let page = PageText(number: 1, width: 600, height: 800, lines: lines, method: .pdf)
        let texts = TableAssembler().blocks(for: [page]).compactMap { b -> String? in
            if case .paragraph(let p) = b { return p.text } else { return nil }
        }
        #expect(texts == [long + " safe from", "PI 1391 first was 72.", "PI 1172 second was 676."])
    }
    /// Two columns of prose rows set apart by more than their line spacing: lines at line
    /// spacing going on in lower case (or with the first cell empty) wrap the row above even
    /// when both columns are filled; a "rule" through the middle of a text line (ink of dense
    /// text) is not a row boundary.
    @Test func wrappedProseRowsAndRulesThroughText() {
        let lines = wrappedProseLines
        #expect(TableFinder.bandsBetweenLines([95, 122, 137], lines) == [95, 137])
        let rows = TableGrid(separators: [150], bands: [], separatorSpans: nil).rows(lines, region: 1).map(\.cells)
        #expect(rows == [["Develop whole\nimproving outcomes\npartnership", "Broad direction\nGood progress\nFollowing consultation\nAgency staff"],
                         ["Continue", "Key Stage"]])
    }
    /// A group label whose words are at word spacing but whose gap falls on a column boundary
    /// (no word straddles it): still the group, whole in its first column.
    @Test func groupLabelSplitAtAWordGapStaysWhole() {
        let grid = TableGrid(separators: [105, 155, 205, 255], bands: [], separatorSpans: nil)
        let lines = [
            geoLine(100, [("Measure", 50), ("Actual", 110), ("Performance", 170), ("Against:", 207), ("Comments", 260)], bold: true),
            geoLine(109, [("Similar", 160), ("National", 210)], bold: true),
            geoLine(123, [("Level", 50), ("48%", 120), ("45%", 165), ("48%", 215), ("Good", 260)]),
        ]
        let rows = grid.rows(lines, region: 1).map(\.cells)
        #expect(rows == [["Measure", "Actual", "Performance Against:", "", "Comments"],
                         ["", "", "Similar", "National", ""],
                         ["Level", "48%", "45%", "48%", "Good"]])
    }
    /// A row label alone below a grid at its row spacing (`Symbol` with every cell empty) is
    /// the grid's last row; a label further below is not.
    @Test func loneRowLabelBelowAGridJoinsIt() {
        let lines = [
            geoLine(100, [("Actual", 50), ("654.1", 150), ("648.9", 200)]),
            geoLine(112, [("Target", 50), ("680", 156), ("680", 206)]),
            geoLine(124, [("Symbol", 50)]),
            geoLine(146, [("Latest", 50), ("Comments:", 72)]),
        ]
        #expect(tableRows(lines) == [["Actual", "654.1", "648.9"], ["Target", "680", "680"], ["Symbol", "", ""]])
    }
}

@Suite struct RuleCleaningTests {
    /// A vertical "rule" through the middle of a word is cut there (ink of the text or a
    /// fill behind a spanning label); the rest of the rule stays.
    @Test func ruleIsCutWhereItRunsThroughAWord() {
        let rule = Box(x0: 100, y0: 50, x1: 101, y1: 150)
        let word = Box(x0: 90, y0: 60, x1: 120, y1: 70)
        let pieces = TableFinder.clearOfWords(rule, [word, Box(x0: 102, y0: 90, x1: 130, y1: 100)])
        #expect(pieces.count == 2)
        #expect(pieces.first?.y1 ?? 0 <= 60 && pieces.last?.y0 ?? 0 >= 70 && pieces.last?.y1 == 150)
        #expect(TableFinder.clearOfWords(Box(x0: 100, y0: 61, x1: 101, y1: 69), [word]).isEmpty)
    }

    /// Column rules drawn only in a table's header (the edges of its group labels): the body's
    /// columns come from the alignment of its figures, the drawn boundaries are kept.
    @Test func headerOnlyColumnRulesLeaveBodyColumnsToAlignment() {
        let lines = [
            geoLine(104, [("Country", 50), ("2007", 166), ("2006", 266)], bold: true),
            geoLine(116, [("N", 150), ("Pos", 190), ("N", 250), ("Pos", 290)], bold: true),
            geoLine(130, [("Austria", 50), ("109", 150), ("0.9", 190), ("93", 250), ("1.1", 290)]),
            geoLine(142, [("Germany", 50), ("123", 150), ("0.8", 190), ("290", 250), ("0.7", 290)]),
            geoLine(154, [("Spain", 50), ("36", 150), ("0", 190), ("40", 250), ("0", 290)]),
        ]
        // a frame, a rule under the header, and column rules only across the header
        let rules = [
            Box(x0: 40, y0: 100, x1: 320, y1: 101), Box(x0: 40, y0: 125, x1: 320, y1: 126), Box(x0: 40, y0: 165, x1: 320, y1: 166),
            Box(x0: 40, y0: 100, x1: 41, y1: 166), Box(x0: 319, y0: 100, x1: 320, y1: 166),
            Box(x0: 140, y0: 100, x1: 141, y1: 125), Box(x0: 240, y0: 100, x1: 241, y1: 125),
        ]
        let page = PageText(number: 1, width: 600, height: 800, lines: lines, rules: rules, method: .pdf)
        let rows = TableFinder.layout(page).lines.filter { $0.tableRegion != nil }.map(\.cells)
        #expect(rows.count >= 4 && rows.allSatisfy { $0.count == 5 })
        #expect(rows.last == ["Spain", "36", "0", "40", "0"])
    }
}

@Suite struct TableNotesTests {
    /// Lines under an unruled table set apart by more than its row spacing, one cell of text
    /// or text running across the columns, are notes: not rows of the table, and the
    /// assembler does not take them back in as rows either.
    @Test func sourceAndFootnoteLinesBelowATableAreNotItsRows() {
        let lines = [
            geoLine(100, [("Country", 50), ("1996", 150), ("1993", 200)], bold: true),
            geoLine(112, [("Austria", 50), ("59", 153), ("54", 203)]),
            geoLine(124, [("Belgium", 50), ("62", 153), ("60", 203)]),
            geoLine(136, [("Denmark", 50), ("59", 153), ("54", 203)]),
            geoLine(148, [("Finland", 50), ("89", 153), ("94", 203)]),
            geoLine(166, [("Source:", 50), ("Statistics", 140), ("Finland", 172), ("and", 196), ("others", 208)]),
            geoLine(175, [("Not", 50), ("available.", 62)]),
        ]
        let page = PageText(number: 1, width: 600, height: 800, lines: lines, method: .pdf)
        let laid = TableFinder.layout(page)
        #expect(laid.lines.filter { $0.tableRegion != nil }.map { $0.cells[0] } == ["Country", "Austria", "Belgium", "Denmark", "Finland"])
        let tables = TableAssembler().blocks(for: [laid]).compactMap { b -> Table? in
            if case .table(let t) = b { return t } else { return nil }
        }
        #expect(tables.first.map { $0.headerRows.count + $0.rows.count } == 5)
        #expect(!(tables.first?.rows.contains { $0.cells[0].hasPrefix("Source") } ?? true))
    }

    /// `ClosingRuleEndsTheTable`: a note at row spacing, but below the table's closing rule,
    /// is a note; a total row of figures below that rule stays a row.
    @Test func aNoteBelowTheClosingRuleIsNotARow() {
        let rows = [
            geoLine(100, [("Country", 50), ("1996", 150), ("1993", 200)], bold: true),
            geoLine(112, [("Austria", 50), ("59", 153), ("54", 203)]),
            geoLine(124, [("Belgium", 50), ("62", 153), ("60", 203)]),
            geoLine(136, [("Denmark", 50), ("59", 153), ("54", 203)]),
        ]
        let grid = TableGrid(separators: [100, 180], bands: [146], separatorSpans: nil)
        let note = geoLine(148, [("Source:", 50), ("Statistics", 140), ("Finland", 172), ("and", 196), ("others", 208)])
        let split = TableFinder.splitOffNotes(grid.rows(rows + [note], region: 1), separators: [100, 180], bandRules: [146])
        #expect(split.rows.count == 4 && split.notes.count == 1)
        // counter-examples: the same note without the rule; a total row under the rule
        #expect(TableFinder.splitOffNotes(grid.rows(rows + [note], region: 1), separators: [100, 180]).notes.isEmpty)
        let total = geoLine(148, [("Total", 50), ("180", 150), ("168", 200)])
        #expect(TableFinder.splitOffNotes(grid.rows(rows + [total], region: 1), separators: [100, 180], bandRules: [146]).notes.isEmpty)
    }
}

@Suite struct RuledBandTests {
    func ruledRows(_ lines: [TextLine], rowRules: [Double], columns: [Double], x0: Double = 40, x1: Double = 330) -> [[String]] {
        let top = rowRules.first!, bottom = rowRules.last!
        let rules = rowRules.map { Box(x0: x0, y0: $0, x1: x1, y1: $0 + 1) }
            + ([x0] + columns + [x1]).map { Box(x0: $0, y0: top, x1: $0 + 1, y1: bottom + 1) }
        let page = PageText(number: 1, width: 600, height: 800, lines: lines, rules: rules, method: .pdf)
        return TableFinder.layout(page).lines.filter { $0.tableRegion != nil }.map(\.cells)
    }

    /// Two lines with figures in the same columns inside one rule band (a rule missing
    /// between them) are two rows, not one row of two-line cells.
    @Test func stackedFiguresInOneBandAreTwoRows() {
        let lines = [
            geoLine(102, [("Reason", 50), ("n", 160), ("Pct", 260)]),
            geoLine(116, [("Intimate", 50), ("77", 160), ("33.9", 260)]),
            geoLine(130, [("Refused", 50), ("23", 160), ("10.1", 260)]),
            geoLine(140, [("Stress", 50), ("23", 160), ("10.1", 260)]),
            geoLine(154, [("Dismissal", 50), ("14", 160), ("6.2", 260)]),
        ]
        let rows = ruledRows(lines, rowRules: [99, 112, 126, 150, 164], columns: [140, 240])
        #expect(rows.count == 5)
        #expect(rows[3] == ["Stress", "23", "10.1"])
    }

    /// A line of column labels and the first line of figures in one band (the rule under the
    /// header lost, as on a scan) are the header row and the first body row.
    @Test func figuresUnderTheLabelsInOneBandStartTheBody() {
        let lines = [
            geoLine(102, [("Measure", 50), ("Actual", 160), ("Target", 260)]),
            geoLine(111, [("Children", 50), ("in", 77), ("care", 86), ("104.9", 160), ("98.8", 260)]),
            geoLine(126, [("Care", 50), ("leavers", 65), ("50", 160), ("65", 260)]),
        ]
        let rows = ruledRows(lines, rowRules: [99, 121, 135], columns: [140, 240])
        #expect(rows == [["Measure", "Actual", "Target"], ["Children in care", "104.9", "98.8"], ["Care leavers", "50", "65"]])
    }

    /// A ruled grid's first band holding several lines of labels only is its header, whatever
    /// the words: a group label over some columns becomes its own header row.
    @Test func labelBandWithGroupLabelIsAHeaderOfTwoRows() {
        let lines = [
            geoLine(102, [("Cycle", 50), ("Percent", 190), ("Fuel", 215), ("Savings", 231)]),
            geoLine(111, [("Name", 50), ("Improved", 150), ("Decreased", 250)]),
            geoLine(126, [("2012_2", 50), ("5.9%", 160), ("9.5%", 260)]),
            geoLine(140, [("2145_1", 50), ("2.4%", 160), ("0.1%", 260)]),
        ]
        let rows = ruledRows(lines, rowRules: [99, 121, 135, 149], columns: [140, 240])
        #expect(rows.count == 4)
        #expect(rows[0] == ["Cycle Name", "Percent Fuel Savings", ""])
        #expect(rows[1] == ["", "Improved", "Decreased"])
    }
}

@Suite struct SideBySideTablesTests {
    /// Two ruled tables set side by side: each comes out whole as its own table, not their
    /// rows interleaved or one joined on to the other.
    @Test func sideBySideRuledTablesStaySeparate() {
        var lines: [TextLine] = []
        let names = ["Spain", "Germany", "France", "Italy"]
        for (i, n) in names.enumerated() {
            let y = 102 + 12 * Double(i)
            lines.append(geoLine(y, [(n, 50), ("\(100 + i)", 120), (names[3 - i], 200), ("\(200 + i)", 270)]))
        }
        func frame(_ x0: Double, _ mid: Double, _ x1: Double) -> [Box] {
            [99.0, 111, 123, 135, 147].map { Box(x0: x0, y0: $0, x1: x1, y1: $0 + 1) }
                + [x0, mid, x1].map { Box(x0: $0, y0: 99, x1: $0 + 1, y1: 148) }
        }
        let page = PageText(number: 1, width: 600, height: 800, lines: lines,
                            rules: frame(45, 110, 140) + frame(195, 260, 290), method: .pdf)
        let tables = TableAssembler().blocks(for: [TableFinder.layout(page)]).compactMap { b -> [[String]]? in
            if case .table(let t) = b { return t.headerRows + t.rows.map(\.cells) } else { return nil }
        }
        #expect(tables.count == 2)
        #expect(tables.first?.map { $0[0] } == names)
        #expect(tables.last?.map { $0[0] } == Array(names.reversed()))
    }
}

@Suite struct RuledCellColumnsTests {
    /// Figures set in columns inside one ruled cell (the grid draws only the first column's
    /// rule) become columns of their own.
    @Test func figureColumnsInsideOneRuledCellAreSplit() {
        let lines = [
            geoLine(102, [("Kept", 50), ("344", 150), ("75.2", 200), ("17.4%", 250)]),
            geoLine(114, [("Sold", 50), ("53", 153), ("11.6", 200), ("22.5%", 250)]),
            geoLine(126, [("Total", 50), ("458", 150), ("100.0", 197), ("18.7%", 250)]),
        ]
        let rules = [99.0, 111, 123, 135].map { Box(x0: 40, y0: $0, x1: 300, y1: $0 + 1) }
            + [40.0, 130, 300].map { Box(x0: $0, y0: 99, x1: $0 + 1, y1: 136) }
        let page = PageText(number: 1, width: 600, height: 800, lines: lines, rules: rules, method: .pdf)
        let rows = TableFinder.layout(page).lines.filter { $0.tableRegion != nil }.map(\.cells)
        #expect(rows == [["Kept", "344", "75.2", "17.4%"], ["Sold", "53", "11.6", "22.5%"], ["Total", "458", "100.0", "18.7%"]])
    }
}

@Suite struct CornerHeaderTests {
    /// A group label over years above a blank corner, the label's words falling on both sides
    /// of a column boundary: a header of two rows (the label whole in its first column, the
    /// years under it), not one row of two-line cells, whatever the words.
    @Test func groupLabelsOverYearsAboveABlankCornerAreTwoHeaderRows() {
        let lines = [
            geoLine(100, [("Fused", 163), ("alumina", 181), ("Silicon", 255), ("carbide", 279)], bold: true),
            geoLine(107, [("2009", 160), ("2010", 200), ("2009", 250), ("2010", 290)], bold: true),
            geoLine(121, [("Canada", 50), ("60,400", 154), ("60,400", 194), ("42,600", 244), ("42,600", 284)]),
            geoLine(133, [("Austria", 50), ("60,000", 154), ("60,000", 194), ("—", 259), ("—", 299)]),
            geoLine(145, [("Brazil", 50), ("50,000", 154), ("50,000", 194), ("5,000", 247), ("5,000", 287)]),
        ]
        let rows = tableRows(lines)
        #expect(rows.count == 5)
        #expect(rows.first?.prefix(3) == ["", "Fused alumina", ""])
        #expect(rows.dropFirst().first?.prefix(3) == ["", "2009", "2010"])
    }
}

/// Scan rules found on set-2 scans: list items, prose tails, header rows over two-line titles.
@Suite struct ScanTableRuleTests {
    @Test func aBulletSetApartIsAListItemNotATableRow() {
        let item = geoLine(100, [("•", 50), ("PI-03:", 70), ("Percentage", 92), ("of", 125), ("contacts", 134), ("progressed", 161)])
        #expect(TableFinder.isListItem(item))
        #expect(TableFinder.asListItem(item).cells == ["• PI-03: Percentage of contacts progressed"])
        // counter-example: a row with a bare mark in its first column and a short cell
        #expect(!TableFinder.isListItem(geoLine(100, [("*", 50), ("12%", 150)])))
        #expect(!TableFinder.isListItem(geoLine(100, [("Latest", 50), ("Percentage of contacts progressed", 150)])))
    }

    @Test func theTailOfAParagraphIsNoTableRow() {
        let para = geoLine(100, [("This", 50), ("indicator", 65), ("is", 95), ("reported", 103), ("annually", 130), ("and", 157), ("the", 170), ("figure", 182), ("shown", 203)])
        let tail = geoLine(109, [("reviewing", 50), ("performance", 80), ("with", 117), ("managers", 160), ("basis.", 190)])
        #expect(TableFinder.continuesProse([para, tail], at: 1))
        // counter-examples: a capitalised row name, a line set a row apart
        let row = geoLine(109, [("Reviewing", 50), ("performance", 80), ("72.6%", 160)])
        #expect(!TableFinder.continuesProse([para, row], at: 1))
        let apart = geoLine(125, [("reviewing", 50), ("performance", 80), ("72.6%", 160)])
        #expect(!TableFinder.continuesProse([para, apart], at: 1))
    }

    @Test func aTitleOnTwoLinesUnderAHeaderStartsTheBody() {
        let header = ["Measure", "Jul-24", "Aug-24", "Target", "RAG"]
        #expect(TableGrid.rowUnderColumnLabels(line: ["Percentage of children becoming", "", "", "", ""], labels: header, labelLines: 1))
        // counter-examples: a header continued below, a header of two lines already, too few labels
        #expect(!TableGrid.rowUnderColumnLabels(line: ["", "(as at", "", "", ""], labels: header, labelLines: 1))
        #expect(!TableGrid.rowUnderColumnLabels(line: ["Percentage of children", "", "", "", ""], labels: header, labelLines: 2))
        #expect(!TableGrid.rowUnderColumnLabels(line: ["Percentage of children", ""], labels: ["Measure", ""], labelLines: 1))
    }
}

@Suite struct EmptyColumnLabelTests {
    /// `Q4` before the year's end heads an empty column between Q3's figures and the target.
    @Test func aLabelWithClearSpaceOnBothSidesHeadsAnEmptyColumn() {
        let block = [
            geoLine(100, [("Measure", 50), ("Q3", 200), ("Q4", 260), ("Target", 330)]),
            geoLine(112, [("Repeat", 50), ("referrals", 72), ("19.2%", 200), ("17%", 345)]),
            geoLine(124, [("Agency", 50), ("spend", 72), ("£4.09m", 200), ("£4.22m", 333)]),
            geoLine(136, [("Sickness", 50), ("days", 80), ("7.6", 200), ("8", 345)]),
        ]
        let seps = TableFinder.alignmentSeparators(block) ?? []
        #expect(seps.contains { $0 > 218 && $0 < 260 } && seps.contains { $0 > 266 && $0 < 330 }, "\(seps)")
        // counter-example: a label set just left of its figures has no column of its own
        let joined = [
            geoLine(100, [("Measure", 50), ("Q3", 200), ("Target", 300)]),
            geoLine(112, [("Repeat", 50), ("referrals", 72), ("19.2%", 200), ("17%", 312)]),
            geoLine(124, [("Agency", 50), ("spend", 72), ("£4.09m", 200), ("£4.22m", 306)]),
        ]
        let s2 = TableFinder.alignmentSeparators(joined) ?? []
        #expect(!s2.contains { $0 > 318 }, "\(s2)")
    }
}

/// Two columns of wrapped prose (an action plan's activity and progress) over five printed
/// lines; shared by the row-joining tests.
var wrappedProseLines: [TextLine] {
    [
        geoLine(100, [("Develop", 50), ("whole", 82), ("Broad", 160), ("direction", 182)]),
        geoLine(109, [("improving", 50), ("outcomes", 82), ("Good", 160), ("progress", 180)]),
        geoLine(118, [("partnership", 50), ("Following", 160), ("consultation", 192)]),
        geoLine(127, [("Agency", 160), ("staff", 184)]),
        geoLine(140, [("Continue", 50), ("Key", 160), ("Stage", 176)]),
    ]
}

/// The digit check in front of `TableFinder.tokenLabel` never refuses a word the
/// expression matches: generated words of letters, digits, separators and other scripts' digits.
@Suite struct TokenLabelPrefilterTests {
    @Test func theDigitCheckNeverRefusesATokenLabel() {
        let pieces = ["Mar", "March", "-", "'", "/", ".", "12", "2024", "19", "20", "5", "Q", "x", "٣", "Sept", "25"]
        var seed: UInt64 = 0x0DDB_1A5E_5BAD_5EED
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        var matched = 0, refused = 0
        for _ in 0..<20_000 {
            let word = (0..<(1 + next() % 4)).map { _ in pieces[next() % pieces.count] }.joined()
            let byExpression = FigureShape.isFigure(word) || word.matches(pattern: TableFinder.tokenLabel)
            #expect(TableFinder.isTokenLabel(word) == byExpression, "\(word)")
            if byExpression { matched += 1 }
            if !word.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 }) { refused += 1 }
        }
        #expect(matched > 500 && refused > 500)
        // fires on a month with its year, not on a word of letters
        #expect(TableFinder.isTokenLabel("Mar-24") && !TableFinder.isTokenLabel("March"))
    }
}
