import Testing
@testable import ScrutinyCore

/// `CalendarDays` (Foundation's calendar) against the civil-day formulas it replaced.
@Suite struct CalendarDaysTests {
    /// Days from civil (Howard Hinnant's algorithm), as the chart computed them before.
    static func referenceDayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    @Test func dayNumbersMatchTheCivilFormulaAndRoundTrip() {
        for year in [1900, 1999, 2000, 2012, 2013, 2024, 2100, 2199] {
            for month in 1...12 {
                for day in 1...CalendarDays.daysIn(month: month, year: year) {
                    let iso = String(format: "%04d-%02d-%02d", year, month, day)
                    let n = CalendarDays.dayNumber(iso)
                    #expect(n == Self.referenceDayNumber(year, month, day), "\(iso)")
                    #expect(n.map(CalendarDays.isoDate) == iso)
                }
            }
        }
        #expect(CalendarDays.dayNumber("1970-01-01") == 0)
        #expect(CalendarDays.dayNumber("2013-02-30") == CalendarDays.dayNumber("2013-03-02"))
        // not dates
        #expect(CalendarDays.dayNumber("2013-13-01") == nil)
        #expect(CalendarDays.dayNumber("2013-06") == nil)
        #expect(CalendarDays.dayNumber("June 2013") == nil)
    }

    @Test func daysInAMonthFollowTheLeapYearRule() {
        for year in 1900...2199 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            #expect(CalendarDays.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        }
        #expect([1, 3, 5, 7, 8, 10, 12].allSatisfy { CalendarDays.daysIn(month: $0, year: 2013) == 31 })
        #expect([4, 6, 9, 11].allSatisfy { CalendarDays.daysIn(month: $0, year: 2013) == 30 })
    }
}
