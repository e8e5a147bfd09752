import Testing
import ScrutinyCore
import Normalise
@testable import Extract

/// One-table probes of every record shape: each gives the records a reader would write
/// down, and a counter-example that must not.
@Suite struct RecordAssemblerTests {
    static let cover = """
        Children's Services Performance Report – Quarter 3 2024/25
        Anytown Borough Council


        """

    @Test func labelledCardWithTheRagWordAtTheRightMargin() throws {
        let text = Self.cover + """
            Children in Care

            Percentage of children in care with three or more placements\tAMBER
            Latest: 11.2%\tTarget: 10%, Floor: 12%\tPrevious: 9.8% (Green)\tDoT: ↓
            """
        let r = try #require(try extractText(text).records.first)
        #expect(r.title == "Percentage of children in care with three or more placements")
        #expect(r.actual == 11.2 && r.target == 10 && r.floor == 12 && r.previous == 9.8)
        #expect(r.previousText == "9.8% (Green)")
        #expect(r.statusText == "AMBER" && r.status == "below_target")
        #expect(r.trend == "worsening" && r.unit == "%")
        #expect(r.polarity == "lower_is_better", "a floor above the target")
        #expect(r.section == "Children in Care")
        #expect(r.periodEnd == "2024-12-31")
    }

    @Test func aKeyOrALegendLineIsNoCard() throws {
        let text = Self.cover + """
            Key: GREEN – target met; AMBER – below target; RED – below the floor.

            DoT: ↑ improving; → no change; ↓ worsening.
            """
        #expect(try extractText(text).records.isEmpty)
    }

    @Test func quarterColumnsGiveOneRecordPerQuarter() throws {
        let text = Self.cover + """
            Indicator\tQ1\tQ2\tQ3\tTarget
            Number of early help assessments initiated\t310\t298\t305\t300
            """
        let records = try extractText(text).records.sorted { ($0.periodEnd ?? "") < ($1.periodEnd ?? "") }
        #expect(records.map(\.periodEnd) == ["2024-06-30", "2024-09-30", "2024-12-31"])
        #expect(records.map(\.actual) == [310, 298, 305])
        #expect(records.allSatisfy { $0.target == 300 && $0.unit == "number" })
    }

    @Test func monthColumnsGiveOneRecordPerFilledMonthWithTheRatingOnTheLatest() throws {
        let text = Self.cover + """
            Measure\tOct-24\tNov-24\tDec-24\tTarget\tRAG\tDoT
            Percentage of single assessments completed within 45 working days\tn/a\t86.3%\t88.0%\t85%\tGREEN\t↑
            """
        let records = try extractText(text).records.sorted { ($0.periodEnd ?? "") < ($1.periodEnd ?? "") }
        #expect(records.map(\.periodEnd) == ["2024-11-30", "2024-12-31"], "n/a in October gives no record")
        #expect(records.first?.status == nil && records.first?.trend == nil)
        #expect(records.last?.status == "on_target" && records.last?.trend == "improving")
    }

    @Test func blankTopLeftCellOverTitlesWithCodesWithoutColons() throws {
        let text = Self.cover + """
            \tQ3 2024/25 Actual\tTarget 24/25\tRAG
            NI 060 Percentage of core assessments completed within 35 working days\t67.9%\t85%\tRed
            KPI 12 Number of children missing education\t88\t79\tOn track
            """
        let records = try extractText(text).records
        #expect(records.count == 2)
        let ni = try #require(records.first { $0.code == "NI 060" })
        #expect(ni.title == "Percentage of core assessments completed within 35 working days")
        #expect(ni.actual == 67.9 && ni.target == 85 && ni.status == "below_target" && ni.periodEnd == "2024-12-31")
        let kpi = try #require(records.first { $0.code == "KPI 12" })
        #expect(kpi.status == "on_target" && kpi.unit == "number")
    }

    @Test func rowLabelsDownTheSideAreATransposedTable() throws {
        let text = Self.cover + """
            \tPI-01\tPI-02
            Latest\t684\t78.5%
            Target 24/25\t647\t82%
            Previous\t650\t80.1%
            RAG rating\tGREEN\tAMBER
            DoT\t→\t↓

            Indicators in this table:
            - PI-01: Number of early help assessments initiated
            - PI-02: Percentage of early help assessments completed within 45 working days
            """
        let records = try extractText(text).records
        #expect(records.count == 2)
        let p2 = try #require(records.first { $0.code == "PI-02" })
        #expect(p2.title == "Percentage of early help assessments completed within 45 working days")
        #expect(p2.actual == 78.5 && p2.target == 82 && p2.previous == 80.1 && p2.status == "below_target" && p2.trend == "worsening")
    }

    @Test func aMonthlyScorecardGridIsNotATransposedTable() throws {
        // dates across over Actual / Target rows: the scorecard's grid, with no title line, gives nothing
        let text = Self.cover + """
            \t31/10/24\t30/11/24\t31/12/24
            Actual\t5\t6\t7
            Target\t5\t5\t5
            """
        #expect(try extractText(text).records.isEmpty)
    }

    @Test func aRagSummaryWithoutFiguresIsNoRecord() throws {
        let text = Self.cover + """
            Measure\tRAG Latest\tRAG Previous\tDoT
            Adoptions and SGOs\tGREEN\tGREEN\t→
            """
        #expect(try extractText(text).records.isEmpty)
    }

    @Test func codesNeedASeparatorOrAKnownShape() {
        #expect(IndicatorCode.split("NI 060 Percentage of core assessments").code == "NI 060")
        #expect(IndicatorCode.split("CS01 – Children in care").code == "CS01")
        #expect(IndicatorCode.split("PI - 1176: Title here").code == "PI 1176")
        #expect(IndicatorCode.split("KS2 Reading, writing and maths").code == nil)
        #expect(IndicatorCode.split("Q3 Performance of the service").code == nil)
        #expect(IndicatorCode.split("Year 11 pupils in education").code == nil)
    }

    @Test func polarityFromAFloorBesideTheTarget() {
        #expect(RecordBuilder.polarityFromFloor(target: 90, floor: 85) == "higher_is_better")
        #expect(RecordBuilder.polarityFromFloor(target: 10, floor: 12) == "lower_is_better")
        #expect(RecordBuilder.polarityFromFloor(target: 10, floor: 10) == nil)
        #expect(RecordBuilder.polarityFromFloor(target: 10, floor: nil) == nil)
    }

    @Test func cardLabelsAreReadThroughTheLexicon() {
        let values = LabelledCardAssembler.labelledValues(["Actual 49", "Target 21/22: 48, Floor standard: 44", "Previous: 49 (Green)", "DoT: →"])
        #expect(values.map(\.role) == [.actual, .target, .floor, .previous, .trend])
        #expect(values.map(\.value) == ["49", "48", "44", "49 (Green)", "→"])
        let wide = LabelledCardAssembler.labelledValues(["Q3 2024/25 Actual: 94% RAG rating: Green"])
        #expect(wide.map(\.label) == ["Q3 2024/25 Actual", "RAG rating"])
        #expect(wide.map(\.value) == ["94%", "Green"])
        #expect(!LabelledCardAssembler.isCard(LabelledCardAssembler.labelledValues(["Note: this is prose: nothing to read"])))
    }
}

@Suite struct StatusMappingTests {
    /// The contract's mapping of plain RAG words and symbol names.
    @Test func ragWordsAndSymbols() {
        #expect(StatusParser.parse("Amber") == "below_target")
        #expect(StatusParser.parse("RED") == "below_target")
        #expect(StatusParser.parse("Off track") == "below_target")
        #expect(StatusParser.parse("GREEN") == "on_target")
        #expect(StatusParser.parse("On track") == "on_target")
        #expect(StatusParser.parse("GREEN PLUS") == "above_target")
        #expect(StatusParser.parse("★") == "above_target")
        #expect(StatusParser.parse("BLUE CIRCLE") == "on_target")
        #expect(StatusParser.parse("no rating") == nil)
    }
}

@Suite struct CardCellAlignmentTests {
    /// A one-line cell of labelled values beside a title-over-values cell prints on the values' line.
    @Test func labelledValuesBesideACardLineUpWithIt() {
        let lines = LabelledCardAssembler.visualLines(["Rate of first entrants\nActual: 15.0 Target: 15.4", "Previous: 14.3 (Green)", "GREEN\n↓"],
                                                     block: 0, at: Provenance(page: 1, line: 0), confidence: nil)
        #expect(lines.map(\.cells) == [["Rate of first entrants", "", "GREEN"], ["Actual: 15.0 Target: 15.4", "Previous: 14.3 (Green)", "↓"]])
        // counter-example: a plain cell stays on the top line
        let plain = LabelledCardAssembler.visualLines(["Title\nActual: 15.0 Target: 15.4", "GREEN"], block: 0, at: Provenance(page: 1, line: 0), confidence: nil)
        #expect(plain.map(\.cells) == [["Title", "GREEN"], ["Actual: 15.0 Target: 15.4", ""]])
    }
}

@Suite struct CommentAndShapeRuleTests {
    @Test func aCommentLedByAMisreadPrefixTakesItsSiblingsShape() {
        let c = IndicatorRowsAssembler.siblingComment("on - 1178 At the start of the quarter the number was 104.9", after: "PI 1176")
        #expect(c?.0 == "PI 1178")
        #expect(c?.1 == "At the start of the quarter the number was 104.9")
        // counter-examples: a sentence going on, a number of another length
        #expect(IndicatorRowsAssembler.siblingComment("30 children ceased to be looked after", after: "PI 1176") == nil)
        #expect(IndicatorRowsAssembler.siblingComment("to - 12 months", after: "PI 1176") == nil)
    }

    @Test func roleLabelsDownALabelledFirstColumnAreNoTitles() {
        func table(_ header: [String], _ rows: [[String]]) -> Table {
            Table(headerRows: [header], rows: rows.map { TableRow(cells: $0, at: Provenance(page: 1, line: 0)) },
                  caption: nil, pages: [1], at: Provenance(page: 1, line: 0))
        }
        let grid = table(["30/04/12 31/05/12", "30/06/12", "31/07/12"], [["Actual", "60.3", ""], ["Target", "", "54"], ["Symbol", "", "="]])
        #expect(TableShape.measureColumn(grid, roles: ColumnRoles(header: grid.header)) == nil)
        // counter-example: titles down a labelled first column
        let titles = table(["Children's services", "Q1", "Q2"], [["Care leavers in EET", "60.3", "61"], ["Repeat referrals", "21", "22"]])
        #expect(TableShape.measureColumn(titles, roles: ColumnRoles(header: titles.header)) == 0)
    }
}
