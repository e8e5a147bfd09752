import Testing
import ScrutinyCore
@testable import Layout

/// Lines as a text export gives them: tab-separated cells, no geometry.
func exportPage(_ text: String) -> [PageText] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> TextLine in
        let s = String(raw)
        if s.hasPrefix("# ") { return TextLine(cells: [String(s.dropFirst(2))], bold: true, headingLevel: 1) }
        return TextLine(cells: s.components(separatedBy: "\t"))
    }
    return [PageText(number: nil, lines: lines, method: .text)]
}

@Suite struct TableAssemblerTests {
    @Test func repeatedHeaderAfterABreakIsDroppedAndAContinuationRowJoined() {
        let text = """
            Objective\tCommentary
            Raise standards\tResults improved
            Improve care\tStability improved and the % with up-to-date Personal Education

            Objective\tCommentary
            \tPlans has increased.
            Whole system\tIntegrated service
            """
        let tables = TableAssembler().blocks(for: exportPage(text)).compactMap { b -> Table? in
            if case .table(let t) = b { return t } else { return nil }
        }
        #expect(tables.count == 1)
        #expect(tables[0].header == ["Objective", "Commentary"])
        #expect(tables[0].rows.map(\.cells) == [
            ["Raise standards", "Results improved"],
            ["Improve care", "Stability improved and the % with up-to-date Personal Education Plans has increased."],
            ["Whole system", "Integrated service"],
        ])
    }

    @Test func aHeaderlessBlockAfterASubheadingContinuesTheTable() {
        let text = """
            \tGross Budget '000\tNet Budget '000\tVariance '000
            CYPS Total\t86,494\t44,628\t3,901

            # Service budgets with a red profile

            Children and Families\t34,203\t31,281\t4,951
            """
        let tables = TableAssembler().blocks(for: exportPage(text)).compactMap { b -> Table? in
            if case .table(let t) = b { return t } else { return nil }
        }
        #expect(tables.count == 1)
        #expect(tables[0].rows.count == 2)
        #expect(tables[0].header == ["", "Gross Budget '000", "Net Budget '000", "Variance '000"])
    }

    @Test func tablesWithTheirOwnHeaderUnderANewHeadingStaySeparate() {
        let text = """
            Objective 1 Improve outcomes

            ref\tKey Activities\tStatus
            YP1a\tImprove outcomes for children\t✓

            Objective 2 Keep children safe

            ref\tKey Activities\tStatus
            YP2a\tKeep children safe\t✓
            """
        let tables = TableAssembler().blocks(for: exportPage(text)).compactMap { b -> Table? in
            if case .table(let t) = b { return t } else { return nil }
        }
        #expect(tables.count == 2)
    }

    @Test func captionAndTwoRowHeader() {
        let rows = [["Targets", "", "", ""], ["Measure", "Actual", "Performance Against:", ""],
                    ["", "", "Similar Authorities", "Current Target"], ["1. Pupils", "78.2%", "79.8%", "78%"]]
        let split = HeaderRowDetector.split(rows)
        #expect(split == HeaderRowDetector.Split(captionRows: 1, headerRows: 2))
    }

    @Test func aPeriodBannerWithoutItsArrowIsACaption() {
        let rows = [["Periods", "01/04/2012 to 30/06/2012", "", ""], ["PI", "Actual", "Target", "Score"],
                    ["Number of LAC per 10k", "104.9", "98.8", ""]]
        #expect(HeaderRowDetector.split(rows) == HeaderRowDetector.Split(captionRows: 1, headerRows: 1))
        // a date range among figures is a row, not a banner
        let body = [["PI", "Period", "Actual", "Target"], ["LAC", "01/04/2012 to 30/06/2012", "104.9", "98.8"]]
        #expect(HeaderRowDetector.split(body) == HeaderRowDetector.Split(captionRows: 0, headerRows: 1))
    }

    @Test func aGridOfPlainLabelsHasNoHeader() {
        let rows = [["Procurement", "Crime & Disorder"], ["Human Resources", "Human Rights & Equalities"]]
        #expect(HeaderRowDetector.split(rows).headerRows == 0)
        let contacts = [["Louise Parker", "Policy and Performance Manager"], ["01302 737006", "E-mail"]]
        #expect(HeaderRowDetector.split(contacts).headerRows == 0)
    }

    @Test func iconFragmentsAreNotTables() {
        let blocks = TableAssembler().blocks(for: exportPage("CBP\tCYPP\n/\t_\n\nSome text"))
        #expect(!blocks.contains { if case .table = $0 { return true } else { return false } })
    }
}

/// Columns the geometry cut in two (words centred, figures right-aligned) are one.
@Suite struct InterleavedColumnMergerTests {
    func table(_ header: [String], _ rows: [[String]]) -> Table {
        Table(headerRows: [header], rows: rows.map { TableRow(cells: $0, at: Provenance(page: 1, line: 0)) },
              caption: nil, pages: [1], at: Provenance(page: 1, line: 0))
    }

    @Test func interleavedCellsMakeOneColumn() {
        let t = table(["", "PI-01", "", "PI-02", ""],
                      [["Latest", "", "684", "", "78.5%"], ["RAG rating", "GREEN", "", "AMBER", ""]])
        let m = InterleavedColumnMerger.merged(t)
        #expect(m.headerRows == [["", "PI-01", "PI-02"]])
        #expect(m.rows.map(\.cells) == [["Latest", "684", "78.5%"], ["RAG rating", "GREEN", "AMBER"]])
    }

    @Test func aLabelLeftOfItsFiguresJoinsThem() {
        let t = table(["", "Latest", "Target 24/25", "", "RAG"], [["Title one", "72.6%", "", "86%", "Off track"]])
        #expect(InterleavedColumnMerger.merged(t).headerRows == [["", "Latest", "Target 24/25", "RAG"]])
    }

    @Test func aSpeckBesideAFigureDoesNotSplitAColumn() {
        let t = table(["", "Target 24/25", ""], [["Title one", "*", "12%"], ["Title two", "", "85%"]])
        let m = InterleavedColumnMerger.merged(t)
        #expect(m.rows.map(\.cells) == [["Title one", "12%"], ["Title two", "85%"]])
        // counter-example: a word beside a figure keeps both columns
        let w = table(["", "Target 24/25", ""], [["Title one", "TBC", "12%"], ["Title two", "", "85%"]])
        #expect(InterleavedColumnMerger.merged(w).columnCount == 3)
    }

    func scanned(_ header: [String], _ rows: [[String]]) -> Table {
        var t = table(header, rows)
        t.rows = t.rows.map { var r = $0; r.confidence = 80; return r }
        return t
    }

    @Test func aSpeckReadAsALowerCaseWordDoesNotSplitAScannedColumn() {
        // OCR read a speck left of 64 as `it`: the figure went into an unlabelled column
        let t = scanned(["Measure", "Actual", "Similar", "", "National"],
                        [["Placements", "68", "it", "64", "67"], ["Spend", "4.1m", "NA", "", "NA"]])
        let m = InterleavedColumnMerger.merged(t)
        #expect(m.rows.map(\.cells) == [["Placements", "68", "64", "67"], ["Spend", "4.1m", "NA", "NA"]])
        // counter-examples: the same cells from a text layer; a placeholder beside the figure;
        // a word; two figures
        #expect(InterleavedColumnMerger.merged(table(t.headerRows[0], t.rows.map(\.cells))).columnCount == 5)
        #expect(InterleavedColumnMerger.merged(scanned(t.headerRows[0], [["Placements", "68", "NA", "64", "67"]])).columnCount == 5)
        #expect(InterleavedColumnMerger.merged(scanned(t.headerRows[0], [["Placements", "68", "was", "64", "67"]])).columnCount == 5)
        #expect(InterleavedColumnMerger.merged(scanned(t.headerRows[0], [["Placements", "68", "61", "64", "67"]])).columnCount == 5)
    }

    @Test func aSparseGridKeepsItsColumns() {
        // both months labelled, a blank July: two columns
        let t = table(["Measure", "Jul-24", "Aug-24"], [["A", "", "298"], ["B", "59.4%", ""]])
        #expect(InterleavedColumnMerger.merged(t) == t)
        // a blank first period beside the row labels stays blank, not merged into the labels
        let g = table(["", "30/04/12", "31/05/12"], [["Actual", "", "654.1"], ["Target", "", "680"]])
        #expect(InterleavedColumnMerger.merged(g) == g)
    }
}
