/// The shape of a period written as two numeric dates (`01/04/2012 to 30/06/2012`,
/// `1.4.12 – 30.6.12`): the one pattern by which layout tells a period banner row and
/// extract finds the banner in a table's caption. (Reading the dates themselves is the
/// Normalise stage's `DateParser`.)
public enum DateRangeShape {
    /// Two day/month/year dates (`/` or `.` between the parts) joined by `to` or a dash.
    nonisolated(unsafe) static let range = /\d{1,2}[\/.]\d{1,2}[\/.]\d{2,4}\s*(?:to|-|–)\s*\d{1,2}[\/.]\d{1,2}[\/.]\d{2,4}/
    /// A label before the range (`Period: `) is at most this long. Unit: characters.
    public static let labelMaxLength = 20

    /// Whether `text` holds such a range anywhere.
    public static func occurs(in text: String) -> Bool { text.firstMatch(of: range) != nil }

    /// Whether `cell` is such a range and nothing else, perhaps after a short label without
    /// digits.
    public static func isLabelledRange(_ cell: String) -> Bool {
        guard let m = cell.firstMatch(of: range), m.range.upperBound == cell.endIndex else { return false }
        let label = cell[..<m.range.lowerBound]
        return label.count <= labelMaxLength && !label.contains(where: \.isNumber)
    }
}
