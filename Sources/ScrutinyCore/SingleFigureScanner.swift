/// Whether a table cell is essentially one figure: `78.2%*`, `£4.5m`, `86,494`, `(1,234)`,
/// `- 3.5`, `12bn`, `40p`.
///
/// The grammar, as a regular expression (case-insensitive, after trimming white space):
/// `^[-+(]?[£$€]?\s?-?\d[\d,]*(\.\d+)?\s?(%|m|k|bn|p)?\)?[*.]?$` — an optional sign or
/// opening bracket, currency, a space, a minus; digits with thousands commas; decimals; a
/// space; a unit (per cent, million, thousand, billion, pence); a closing bracket; a
/// footnote star or full stop. At most `maximumLength` characters.
///
/// Layout asks this of every cell of every candidate table row; as an `NSRegularExpression`
/// it was a tenth of a born-digital run's instructions. This scanner reads the grammar once
/// left to right (no part of it needs backtracking: `.` is not a digit, and a `.` not
/// followed by a digit can only be the final full stop); a test checks it against the
/// regular expression on a large sample of strings over the grammar's alphabet.
public enum SingleFigureScanner {
    /// Longer cells are sentences that happen to start with a number.
    public static let maximumLength = 24

    /// Whether `cell`, trimmed, is one figure (see the grammar above).
    public static func isSingleFigure<S: StringProtocol>(_ cell: S) -> Bool {
        let text = cell.trimmingWhitespace()
        guard !text.isEmpty, text.count <= maximumLength else { return false }
        var scan = Scan(Array(text.unicodeScalars))
        _ = scan.take { "-+(".unicodeScalars.contains($0) }
        _ = scan.take { "£$€".unicodeScalars.contains($0) }
        _ = scan.take(Scan.isRegexSpace)
        _ = scan.take { $0 == "-" }
        guard scan.take(Scan.isDigit) else { return false }
        while scan.take({ Scan.isDigit($0) || $0 == "," }) {}
        if scan.peek == ".", let next = scan.peek(1), Scan.isDigit(next) {
            _ = scan.take { _ in true }
            while scan.take(Scan.isDigit) {}
        }
        _ = scan.take(Scan.isRegexSpace)
        _ = scan.takeUnit()
        _ = scan.take { $0 == ")" }
        _ = scan.take { $0 == "*" || $0 == "." }
        return scan.atEndOrFinalLineBreak
    }

    /// A cursor over a cell's scalars.
    struct Scan {
        let scalars: [Unicode.Scalar]
        var at = 0
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { peek(0) }
        func peek(_ ahead: Int) -> Unicode.Scalar? { at + ahead < scalars.count ? scalars[at + ahead] : nil }

        /// Consumes one scalar if it passes `test`.
        mutating func take(_ test: (Unicode.Scalar) -> Bool) -> Bool {
            guard let s = peek, test(s) else { return false }
            at += 1
            return true
        }

        /// `%`, `m`, `k`, `bn` or `p`, any case.
        mutating func takeUnit() -> Bool {
            guard let s = peek else { return false }
            switch s {
            case "%", "m", "M", "k", "K", "\u{212A}", "p", "P": at += 1; return true  // U+212A KELVIN SIGN folds to k
            case "b", "B":
                guard let n = peek(1), n == "n" || n == "N" else { return false }
                at += 2; return true
            default: return false
            }
        }

        /// ICU's `$` without multi-line mode: the end, or a line break that ends the text.
        var atEndOrFinalLineBreak: Bool {
            let rest = scalars.count - at
            if rest == 0 { return true }
            if rest == 2 { return scalars[at] == "\r" && scalars[at + 1] == "\n" }
            guard rest == 1 else { return false }
            switch scalars[at].value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }

        /// ICU's `\d`: a decimal digit of any script.
        static func isDigit(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
            return s.properties.generalCategory == .decimalNumber
        }

        /// ICU's `\s`: a white-space character (Unicode `White_Space`).
        static func isRegexSpace(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
            return s.properties.isWhitespace
        }
    }
}
