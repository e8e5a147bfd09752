import Foundation
import Testing
@testable import ScrutinyCore

/// The pure-Swift white-space trimming and single-figure scanner give Foundation's answers.
struct TextScanningTests {
    /// Every kind of white space Foundation knows, and some it does not count as such.
    static let spaces: [String] = [" ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\n", "\r", "\u{0B}",
                                   "\u{85}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}", "\u{301}"]

    @Test func trimmingMatchesFoundationOnEveryKindOfWhiteSpace() {
        let cores = ["", "x", "86.2%", "a b", "é", "\u{301}x", "x\u{301}", "£4.5m"]
        var checked = 0
        for core in cores {
            for lead in [""] + Self.spaces {
                for trail in [""] + Self.spaces {
                    for text in [lead + core + trail, lead + lead + core + trail + trail] {
                        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
                        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                                "\(Array(text.unicodeScalars))")
                        #expect(text.isBlankOrWhitespace == text.trimmingCharacters(in: .whitespaces).isEmpty)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == cores.count * 16 * 16 * 2)
        // A substring trims the same as the string it was cut from.
        let line = "  NI 060 \t"
        #expect(line.dropFirst().trimmingWhitespace() == "NI 060")
    }

    static let figurePattern = "(?i)" + #"^[-+(]?[£$€]?\s?-?\d[\d,]*(\.\d+)?\s?(%|m|k|bn|p)?\)?[*.]?$"#

    static func regexSaysFigure(_ cell: String) -> Bool {
        let t = cell.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= SingleFigureScanner.maximumLength else { return false }
        return t.matches(pattern: figurePattern)
    }

    @Test func singleFigureScannerAgreesWithItsRegularExpression() {
        let named = ["78.2%*", "£4.5m", "86,494", "(1,234)", "- 3.5", "12bn", "40p", "5.", "5 .", "5.m", "5b", "12\n",
                     "-£5", "£-5", "--5", "+-5", "(£ -1,2.3 BN)*", "1.2.3", "٣٤", "5K", "5\u{212A}", "5 %)", "x5", "5x",
                     "", " ", "£", "%", "1234567890123456789012345", "123456789012345678901234", "12\r\n", "12 \n"]
        for cell in named {
            #expect(SingleFigureScanner.isSingleFigure(cell) == Self.regexSaysFigure(cell), "\(cell.debugDescription)")
        }
        // Random strings over the grammar's alphabet and a few strangers, the same generator every run.
        let alphabet = Array("-+(£$€ \t\n0123456789,.%mkbnpMKBNP)*x٣\u{A0}")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        var figures = 0
        for _ in 0..<30_000 {
            let length = next() % 9
            let cell = String((0..<length).map { _ in alphabet[next() % alphabet.count] })
            let expected = Self.regexSaysFigure(cell)
            if expected { figures += 1 }
            #expect(SingleFigureScanner.isSingleFigure(cell) == expected, "\(cell.debugDescription)")
        }
        // The sample holds figures as well as non-figures, or it tests nothing.
        #expect(figures > 500)
    }
}
