import Testing
import ScrutinyCore
@testable import Layout

/// What layout does for scanned pages, where OCR reads the same print a little differently
/// on each page: running lines that sit a few points off, headers repeated with misreads,
/// a repeated header fused into the first row, prose cut into cells by a short word box.
@Suite struct ScanLayoutTests {
    /// A page with a running title at `top`, a body line, and a page number at `foot`.
    func page(_ n: Int, top: Double, foot: Double) -> PageText {
        PageText(number: n, width: 600, height: 800, lines: [
            geoLine(top, [("Improvement", 50), ("Plan", 90), ("2012/13", 110)]),
            geoLine(300, [("Body", 50), ("text", 80), ("\(n)", 120)]),
            geoLine(foot, [("Page", 50), ("\(n)", 66), ("of", 72), ("3", 80)]),
        ], method: .ocr)
    }

    @Test func runningLinesAFewPointsOffAreStillFurniture() {
        // 12 pt steps: 29 → 2, 37 → 3, 31 → 3: no one step holds the title on every page
        let pages = [page(1, top: 29, foot: 770), page(2, top: 37, foot: 758), page(3, top: 31, foot: 781)]
        let (stripped, headers) = RunningHeaderFinder.strip(pages)
        #expect(headers.first == "Improvement Plan 2012/13")
        #expect(stripped.map { $0.lines.map(\.text) } == [["Body text 1"], ["Body text 2"], ["Body text 3"]])
    }

    @Test func aPageNumberLineIsFurnitureWhereverItSits() {
        // page 2's number sits 40 points higher than the others
        let pages = [page(1, top: 30, foot: 770), page(2, top: 30, foot: 730), page(3, top: 30, foot: 770)]
        let (stripped, _) = RunningHeaderFinder.strip(pages)
        #expect(stripped[1].lines.map(\.text) == ["Body text 2"])
    }

    /// A table header repeated at the top of every page, over right-aligned figures and a
    /// first row that opens with a wrapped label, with its units line two lines above: part
    /// of the table, not furniture.
    @Test func aRepeatedHeaderOverRightAlignedFiguresStays() {
        func page(_ n: Int) -> PageText {
            PageText(number: n, width: 600, height: 800, lines: [
                geoLine(30, [("£m", 400)]),
                geoLine(40, [("Working", 300)]),
                geoLine(50, [("Service", 50), ("Budget", 300), ("Forecast", 400), ("Variance", 500)]),
                geoLine(68, [(["Strategic", "Education", "Youth"][n - 1], 50), ("Commissioning", 90)]),
                geoLine(80, [(["Community", "Schools", "Justice"][n - 1], 50), ("services", 83), ("7.\(n)", 320), ("9.1", 420), ("1.\(n)", 520)]),
                geoLine(300 + Double(n), [("Body", 50), ("text", 80), ("\(n)", 120)]),
            ], method: .ocr)
        }
        let (stripped, headers) = RunningHeaderFinder.strip([page(1), page(2), page(3)])
        #expect(headers.isEmpty)
        #expect(stripped[1].lines.count == 6)
    }

    @Test func aHeaderUnderALegendAndAPeriodBannerIsFound() {
        let legend = "★ Excellent progress/ ahead of schedule against completion date ✓ Good progress/ on schedule"
        let rows = [[legend, "milestone", "", ""], ["Young people", "", "", ""],
                    ["Periods", "01/04/2012 to 30/06/2012", "", ""], ["PI", "", "Actual", "Target"],
                    ["Care leavers in education", "", "50", "65"]]
        #expect(HeaderRowDetector.split(rows) == .init(captionRows: 3, headerRows: 1))
        // a group label over a blank corner is a header row, not a caption
        let grouped = [["", "Group A", "", "Group B"], ["Name", "Actual", "Target", "Actual"], ["Care", "1", "2", "3"]]
        #expect(HeaderRowDetector.split(grouped).captionRows == 0)
    }

    @Test func aUnitsLineOverTheLabelsIsPartOfTheHeader() {
        let rows = [["", "", "£m", ""], ["Service", "Budget", "Forecast", "Variance"], ["Care", "7.5", "9.1", "1.5"]]
        #expect(HeaderRowDetector.split(rows) == .init(captionRows: 0, headerRows: 2))
    }

    func table(_ header: [[String]], _ rows: [[String]], page: Int, confidence: Double?) -> Table {
        let at = Provenance(page: page, line: 0, box: nil)
        return Table(headerRows: header, rows: rows.map { TableRow(cells: $0, at: at, confidence: confidence) },
                     caption: nil, pages: [page], at: at)
    }

    @Test func aHeaderRepeatedWithOCRMisreadsContinuesTheTable() {
        let header1 = [["Measure", "Actual (As at 31st", "Similar Authorities", "Any Comments"]]
        let header2 = [["Measure", "Actual (As at 3ist", "Similar Authorlties", "Any Comments"]]
        let assembler = TableAssembler()
        let scanned = assembler.continues(table(header1, [["a", "1", "2", "x"]], page: 1, confidence: 90),
                                          with: table(header2, [["b", "3", "4", "y"]], page: 2, confidence: 88), between: [])
        #expect(scanned)
        // a text layer reads what is printed: a different header is a different table
        let born = assembler.continues(table(header1, [["a", "1", "2", "x"]], page: 1, confidence: nil),
                                       with: table(header2, [["b", "3", "4", "y"]], page: 2, confidence: nil), between: [])
        #expect(!born)
        #expect(!TableAssembler.sameHeader([["Measure", "Quarter 1", "Quarter 2"]], [["Service", "Budget", "Forecast"]]))
    }

    @Test func aRepeatedHeaderFusedIntoTheFirstRowIsTakenOff() {
        let header = ["ref", "Key Activities", "Status", "Lead Officer"]
        let fused = ["ref\nYP2a", "Key Activities Ensure that\nchildren are safe", "‘Status", "Lead Officer Pauline Sharratt"]
        #expect(TableAssembler.withoutRepeatedHeader(fused, header: header)
                == ["YP2a", "Ensure that\nchildren are safe", "", "Pauline Sharratt"])
        // a blank-looking header cell is passed over
        #expect(TableAssembler.withoutRepeatedHeader(["x", "Key Activities y", "Status z"], header: [" ", "Key Activities", "Status"])
                == ["x", "y", "z"])
        // a row that merely starts with one header word is left alone
        #expect(TableAssembler.withoutRepeatedHeader(["YP2b", "Key work", "✓", "Jo Smith"], header: header) == nil)
    }

    @Test func anOCRLineOfWordsCutAtALostWordIsProse() {
        func ocrLine(_ cells: [String]) -> [PageText] {
            let words = cells.joined(separator: " ").split(separator: " ").map { Word(text: String($0), confidence: 90) }
            return [PageText(number: 1, lines: [TextLine(cells: cells, words: words)], method: .ocr)]
        }
        let prose = TableAssembler().blocks(for: ocrLine(["Performance is below target but", "am confident with the number"]))
        guard case .paragraph = prose.first else { Issue.record("expected a paragraph, got \(prose)"); return }
        let code = TableAssembler().blocks(for: ocrLine(["CS108: % LAC", "20 days) with a PEP"]))
        guard case .paragraph = code.first else { Issue.record("expected a paragraph, got \(code)"); return }
        // a label and a figure stay a row
        let row = TableAssembler().blocks(for: ocrLine(["Children in care total", "412"]))
        guard case .table = row.first else { Issue.record("expected a table, got \(row)"); return }
    }

    @Test func aHeadingCutIntoCellsByOCRIsProse() {
        #expect(TableAssembler.isHeadingCutIntoCells(["Service budgets with a", "red profile"]))
        // counter-examples: a figure, a placeholder, a long sentence, a single cell
        #expect(!TableAssembler.isHeadingCutIntoCells(["Net budget", "£44,628"]))
        #expect(!TableAssembler.isHeadingCutIntoCells(["Quarter 1", "NA"]))
        #expect(!TableAssembler.isHeadingCutIntoCells(["Children placed in residential care out of authority are forecast",
                                                      "to overspend because more placements were needed"]))
        #expect(!TableAssembler.isHeadingCutIntoCells(["Service budgets with a red profile"]))
    }

    @Test func aScannedTableGoesOnAfterAShortLineAtThePageBreak() {
        let header = [["", "Gross Budget", "Net Budget", "Variance"]]
        let heading = Paragraph(text: "Service budgets with a red profile", lines: ["Service budgets with a red profile"], bold: false,
                                headingLevel: nil, at: Provenance(page: 2, line: 0, box: nil))
        let assembler = TableAssembler()
        #expect(assembler.continues(table(header, [["Total", "86,494", "44,628", "3,901"]], page: 1, confidence: 90),
                                    with: table([], [["Families", "34,203", "31,281", "4,951"]], page: 2, confidence: 88),
                                    between: [heading]))
        // counter-examples: the same on one page, and on a text layer (which shows bold, and this is not)
        #expect(!assembler.continues(table(header, [["Total", "86,494", "44,628", "3,901"]], page: 2, confidence: 90),
                                     with: table([], [["Families", "34,203", "31,281", "4,951"]], page: 2, confidence: 88),
                                     between: [heading]))
        #expect(!assembler.continues(table(header, [["Total", "86,494", "44,628", "3,901"]], page: 1, confidence: nil),
                                     with: table([], [["Families", "34,203", "31,281", "4,951"]], page: 2, confidence: nil),
                                     between: [heading]))
    }

    @Test func aRepeatedHeaderWithOneLabelCutInTwoByOCRRejoins() {
        let header = [["Measure", "Actual (As at 31st", "Performance Against:", "", "Any Comments"],
                      ["", "", "Similar Authorities", "Current Target", ""]]
        let cut = [["Measure", "Actual os", "(As at 31st", "Performance Against:", "", "Any Comments"],
                   ["", "", "", "similar Authorities", "Current Target", ""]]
        let prev = table(header, [["7. Reviews", "69.84%", "74%", "90%", "As at the end"]], page: 2, confidence: 90)
        let next = table(cut, [["8. Days lost", "", "16.25", "16.09", "12.4", "Meeting with HR"]], page: 3, confidence: 85)
        let rejoined = TableAssembler.withOCRSplitHeaderCellRejoined(next, toMatch: prev)
        #expect(rejoined?.rows.first?.cells == ["8. Days lost", "16.25", "16.09", "12.4", "Meeting with HR"])
        #expect(rejoined.map { TableAssembler().continues(prev, with: $0, between: []) } == true)
        // counter-examples: a new table with a header of its own; the same on a text layer
        let other = [["Service", "Budget", "Forecast", "Variance", "Spent", "Notes"]]
        #expect(TableAssembler.withOCRSplitHeaderCellRejoined(table(other, [["Care", "", "1", "2", "3", "x"]], page: 3, confidence: 85), toMatch: prev) == nil)
        let born = table(header, [["7. Reviews", "69.84%", "74%", "90%", "As at the end"]], page: 2, confidence: nil)
        #expect(TableAssembler.withOCRSplitHeaderCellRejoined(table(cut, next.rows.map(\.cells), page: 3, confidence: nil), toMatch: born) == nil)
    }

    @Test func twoFiguresInOneCellBesideAnEmptyFigureColumnAreTwoCells() {
        let header = [["Measure", "Actual", "Similar", "Previous", "Target"]]
        let rows = [["External placements", "87", "100", "", "89 93"],
                    ["Savings achieved", "£5.481m.", "NA", "£5.714m.", "£5.981m."],
                    ["Services commissioned", "75.4%*", "75.6%", "70.9%", "78%"],
                    ["Agency spend", "£1.0m", "NA", "£1.119m.", "£0.916m."]]
        let split = FigurePairSplitter.split(table(header, rows, page: 1, confidence: 90))
        #expect(split.rows[0].cells == ["External placements", "87", "100", "89", "93"])
        #expect(split.rows[1].cells == rows[1])
        // counter-examples: a figure with a note; a neighbour column of words
        #expect(FigurePairSplitter.figurePair("62% (117/147)") == nil)
        #expect(FigurePairSplitter.figurePair("- 3.5") == nil)
        // the cheap word bound never counts more words than there are, and stops at its limit
        #expect(FigurePairSplitter.asciiSpacedWords("89\u{00A0}93", atMost: 3) == 1)
        #expect(FigurePairSplitter.asciiSpacedWords("Performance is better than target", atMost: 3) == 3)
        #expect(FigurePairSplitter.figurePair("89\u{00A0}93").map { [$0.0, $0.1] } == ["89", "93"])
        let words = [["External placements", "87", "", "89 93"], ["Savings", "1", "on track", "2"],
                     ["Services", "3", "late", "4"], ["Agency", "5", "on track", "6"]]
        #expect(FigurePairSplitter.split(table([], words, page: 1, confidence: nil)).rows[0].cells == words[0])
    }

    @Test func aLabelledLineCutIntoCellsIsProseNotATable() {
        let blocks = TableAssembler().blocks(for: exportPage("Owner: John\tHarris Polarity: Bigger is Better"))
        guard case .paragraph(let p) = blocks.first else { Issue.record("expected a paragraph, got \(blocks)"); return }
        #expect(p.text.hasPrefix("Owner: John"))
        #expect(blocks.count == 1)
    }
}

@Suite struct ScanRuleTests {
    /// Short strokes read from a scan (a tick, a speck, 10–15 points) are no column borders;
    /// a column rule broken into pieces by the scan still is.
    @Test func shortStrokesOnAScanAreNotColumnRules() {
        let broken = (0..<6).map { i in Box(x0: 150, y0: 100 + Double(i) * 20, x1: 150.4, y1: 112 + Double(i) * 20) }
        let tick = Box(x0: 243.9, y0: 215, x1: 244.3, y1: 225)
        let kept = TableFinder.withoutShortStrokes(broken + [tick])
        #expect(kept.count == broken.count)
        #expect(!kept.contains(tick))
    }
}
