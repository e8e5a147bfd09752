/// Turns multi-row table headers into one row of column labels.
public enum TableHeader {
    /// A group label spans at most this many leaf columns (a year over its twelve months,
    /// `Year` over eleven years); a wider run of blanks is not its span. Unit: columns.
    public static let maxGroupColumns = 12

    /// The bottom header row's labels; a blank leaf takes the nearest label above it.
    /// A label in an upper row that spans several leaf columns (it is followed by blanks
    /// that have their own leaf labels) is a group label and is prefixed: `Group: Leaf`.
    public static func leafLabels(_ rows: [[String]]) -> [String] {
        guard let leaf = rows.last else { return [] }
        let width = rows.map(\.count).max() ?? 0
        var labels = (0..<width).map { $0 < leaf.count ? leaf[$0] : "" }
        guard rows.count > 1 else { return labels }
        for upper in rows.dropLast().reversed() {
            for (c, label) in upper.enumerated() where !label.isEmpty && c < width {
                // span: this column plus following blank columns of the upper row
                var end = c + 1
                while end < width, (end >= upper.count || upper[end].isEmpty), !labels[end].isEmpty, end < c + maxGroupColumns {
                    end += 1
                }
                if labels[c].isEmpty {
                    labels[c] = label
                } else if end - c > 1 || !labels[c].isEmpty && label != labels[c] {
                    // the group label sits over this leaf and the blanks after it
                    let span = end - c
                    if span > 1 {
                        for k in c..<end where !labels[k].isEmpty { labels[k] = "\(label) \(labels[k])" }
                    }
                }
            }
        }
        return labels
    }
}
