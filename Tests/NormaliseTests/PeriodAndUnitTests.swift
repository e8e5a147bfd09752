import Testing
@testable import Normalise

/// Period grammar (short financial years, period labels) and units from titles.
@Suite struct PeriodAndUnitTests {
    @Test func shortFinancialYears() {
        #expect(PeriodParser.financialYear(in: "Target 24/25") == "2024/25")
        #expect(PeriodParser.financialYear(in: "Council Plan 17/18: Quarter 3") == "2017/18")
        #expect(PeriodParser.financialYear(in: "2024-25") == "2024/25")
        #expect(PeriodParser.financialYear(in: "12/40 cases") == nil, "a ratio is no year")
        #expect(PeriodParser.financialYear(in: "on 12/13/2014") == nil, "part of a date")
        #expect(PeriodParser.financialYear(in: "3.24/25") == nil)
    }

    @Test func periodLabelsEndOnTheirLastDay() {
        #expect(PeriodParser.periodEnd(ofLabel: "Jul-24", financialYear: nil) == "2024-07-31")
        #expect(PeriodParser.periodEnd(ofLabel: "Feb 24", financialYear: nil) == "2024-02-29")
        #expect(PeriodParser.periodEnd(ofLabel: "April 2024", financialYear: nil) == "2024-04-30")
        #expect(PeriodParser.periodEnd(ofLabel: "Q3 24/25", financialYear: nil) == "2024-12-31")
        #expect(PeriodParser.periodEnd(ofLabel: "Quarter 4", financialYear: "2023/24") == "2024-03-31")
        #expect(PeriodParser.periodEnd(ofLabel: "Jan", financialYear: "2023/24") == "2024-01-31")
        #expect(PeriodParser.periodEnd(ofLabel: "2022/23", financialYear: nil) == "2023-03-31")
        #expect(PeriodParser.periodEnd(ofLabel: "Q2", financialYear: nil) == nil, "no year to place it in")
        #expect(PeriodParser.periodEnd(ofLabel: "Target", financialYear: "2023/24") == nil)
        #expect(PeriodParser.periodEnd(ofLabel: "Mayor's target", financialYear: "2023/24") == nil)
    }

    @Test func unitsFromTheTitlesOwnWords() {
        #expect(UnitParser.fromTitle("Percentage of care leavers in suitable accommodation") == "%")
        #expect(UnitParser.fromTitle("% of referrals that are repeats") == "%")
        #expect(UnitParser.fromTitle("Number of LAC per 10k of the child population") == "per 10,000")
        #expect(UnitParser.fromTitle("Rate of children in care per 10,000 children") == "per 10,000")
        #expect(UnitParser.fromTitle("Average number of days from referral to assessment") == "days")
        #expect(UnitParser.fromTitle("Average time (days) to match a child") == "days")
        #expect(UnitParser.fromTitle("Numbers of in-house foster carer households") == "number")
        #expect(UnitParser.fromTitle("Care leavers in employment, education or training") == nil)
        #expect(UnitParser.fromTitle("Children seen within 10 days") == nil, "days in passing is not the unit")
    }

    @Test func aFigureCellOpensWithAFigure() {
        #expect(FigureParser.isFigureCell("78.2%") && FigureParser.isFigureCell("£3.50m") && FigureParser.isFigureCell("49 (Green)"))
        #expect(!FigureParser.isFigureCell("KPI 16 Percentage of children"))
        #expect(!FigureParser.isFigureCell("n/a"))
    }
}

/// Cells that state figures without one reducible value still make a record.
@Suite struct StatedFigureTests {
    @Test func severalFiguresInOneCellAreStillStated() {
        #expect(FigureParser.statesFigure("Forecast Gross £92.1m. Net £49.5m."))
        #expect(FigureParser.statesFigure("71% of Actions undertaken"))
        #expect(FigureParser.statesFigure("58"))
        // counter-examples: placeholders, words, a period
        #expect(!FigureParser.statesFigure("NA"))
        #expect(!FigureParser.statesFigure("Reported annually"))
        #expect(!FigureParser.statesFigure("Q3 2024/25"))
    }
}
