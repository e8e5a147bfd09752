import Foundation

/// The one owner of calendar arithmetic: days in a month, and dates as day numbers (days
/// since 1970-01-01) for charts, through Foundation's Gregorian calendar in UTC, so no
/// stage carries its own leap-year or civil-day formula.
public enum CalendarDays {
    /// Foundation's Gregorian calendar in UTC (dates here have no time of day).
    static let gregorian: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    private static let secondsPerDay = 86_400.0
    /// Year, month and day.
    private static let isoDateParts = 3

    /// Days in `month` (1–12) of `year`: 28–31.
    public static func daysIn(month: Int, year: Int) -> Int {
        guard let first = gregorian.date(from: DateComponents(year: year, month: month, day: 1)),
              let days = gregorian.range(of: .day, in: .month, for: first) else { return 31 }
        return days.count
    }

    /// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`), nil when it is not one. A day
    /// past the month's end runs on into the next month (`2013-02-30` is 2 March), as the
    /// calendar counts.
    public static func dayNumber(_ iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == isoDateParts, (1...12).contains(parts[1]), (1...31).contains(parts[2]),
              let date = gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: 1)) else { return nil }
        return Int((date.timeIntervalSince1970 / secondsPerDay).rounded(.down)) + parts[2] - 1
    }

    /// The ISO date (`YYYY-MM-DD`) of a day number.
    public static func isoDate(_ day: Int) -> String {
        let c = gregorian.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * secondsPerDay))
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }
}
