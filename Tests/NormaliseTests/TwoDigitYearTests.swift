import Testing
@testable import Normalise

/// Rule TwoDigitYearPivot: a two-digit year below the pivot is this century's, at or above
/// it the last's — the same in a date and in a financial year.
struct TwoDigitYearTests {
    @Test func aTwoDigitYearBelowThePivotIsThisCenturys() {
        let below = NormaliseTolerances.twoDigitYearPivot - 1
        #expect(DateParser.parse("30/04/\(below)") == "20\(below)-04-30")
        #expect(DateParser.parse("30/04/12") == "2012-04-30")
        // counter-example: at the pivot the year is the last century's
        let at = NormaliseTolerances.twoDigitYearPivot
        #expect(DateParser.parse("30/04/\(at)") == "19\(at)-04-30")
    }
}
