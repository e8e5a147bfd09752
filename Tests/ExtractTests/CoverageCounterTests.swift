import Foundation
import Testing
import ScrutinyCore
@testable import Extract

/// Coverage: figures a paper prints against the figures its rows carry.
@Suite struct CoverageCounterTests {
    /// A table of ward statistics: figures in every cell, but no column the role lexicon knows.
    static let wardTable = (["# Electoral statistics", "", "| Ward | Households | Electors | Polling stations |", "|---|---|---|---|"]
        + (1...8).map { "| Ward \($0) | \(3000 + 17 * $0) | \(5000 + 31 * $0) | \($0 + 2) |" }).joined(separator: "\n")

    /// A bare number that reads as a year (`2031`) is taken for a period, not a figure.
    @Test func figureCellsOfATableWithoutRolesAreCountedAndNoneIsUsed() throws {
        let e = try extractText(Self.wardTable)
        let c = try #require(e.coverage)
        #expect(c.figures == 24)
        #expect(c.used == 0)
        #expect(c.rows == 0)
        #expect(c.isUnread)
        #expect(c.unreadLine(source: "wards.md") == "wards.md: 24 figures, 0 records, 0 finance lines, 0 activities")
    }

    @Test func figuresThatEndedUpInRecordsAreUsed() throws {
        let text = """
            # Children's services performance, Quarter 2 2024/25

            | Code | Indicator | Actual | Target | RAG |
            |---|---|---|---|---|
            | CS01 | Percentage of assessments completed in 45 days | 88% | 90% | Amber |
            | CS02 | Number of children in care | 412 | 400 | Red |
            """
        let e = try extractText(text)
        let c = try #require(e.coverage)
        #expect(e.records.count == 2)
        #expect(c.figures == 4)
        #expect(c.used == 4)
        #expect(!c.isUnread)
    }

    @Test func periodsAndDatesAreNoFigures() {
        for cell in ["2024/25", "2023-2024", "31/03/2024", "Apr-24", "Q3", "2024"] {
            #expect(CoverageCounter.figure(cell, page: 1) == nil, "\(cell)")
        }
        // counter-examples: figures that look a little like them
        for cell in ["94%", "1,234", "-5", "£1.2m", "(3.5)", "12.5"] {
            #expect(CoverageCounter.figure(cell, page: 1) != nil, "\(cell)")
        }
    }

    @Test func labelledValuesInRunningTextAreFiguresButProseLeadInsAreNot() {
        #expect(CoverageCounter.labelledValues(in: "Latest: 94%   Target: 90%, Floor: 85%") == ["94%", "90%", "85%"])
        #expect(CoverageCounter.labelledValues(in: "Target 2024/25: 1,200") == ["1,200"])
        // a sentence of more than a label's words before the colon is prose
        #expect(CoverageCounter.labelledValues(
            in: "The number of children who were seen by a social worker during the quarter was as follows: 45").isEmpty)
    }

    @Test func moneyStoredInPoundsMatchesTheThousandsThePagePrints() {
        #expect(CoverageCounter.same(1_234, 1_234_000))
        #expect(CoverageCounter.same(1.2, 1_200_000))
        #expect(!CoverageCounter.same(1_234, 1_235_000))
    }
}
