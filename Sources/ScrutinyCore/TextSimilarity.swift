/// How alike two short strings are, for matching text that OCR read a little differently
/// in two places (a table header repeated on each page).
public enum TextSimilarity {
    /// 1 − edit distance / length of the longer, on lower-cased letters and digits only
    /// (spacing and punctuation are what OCR varies most). Two empty strings are alike (1).
    public static func ratio(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        let y = Array(b.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        let longer = max(x.count, y.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(editDistance(x, y)) / Double(longer)
    }

    /// Levenshtein distance (insert, delete, substitute each cost 1), two rows of memory.
    public static func editDistance<T: Equatable>(_ x: [T], _ y: [T]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
