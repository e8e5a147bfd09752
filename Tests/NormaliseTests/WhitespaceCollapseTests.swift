import Testing
@testable import Normalise

/// The byte-wise white-space collapse of ASCII text gives the character loop's answer.
struct WhitespaceCollapseTests {
    /// The character loop `collapseWhitespace` runs on text that is not all ASCII.
    static func byCharacters(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace { pendingSpace = !out.isEmpty } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    @Test func everyASCIICharacterAloneAndBetweenLetters() {
        for b in UInt8(0)..<0x80 {
            let c = String(decoding: [b], as: UTF8.self)
            for text in [c, "a" + c + "b", c + c + "x" + c, " " + c + " "] {
                #expect(TextCleaner.collapseWhitespace(text) == Self.byCharacters(text), "\(Array(text.utf8))")
            }
        }
    }

    @Test func generatedTextsAgreeWithTheCharacterLoop() {
        let pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "a", "Q3", "94%", ":",
                      "\u{A0}", "\u{85}", "\u{2003}", "é", " \u{301}", "\u{301}", "–"]
        var seed: UInt64 = 0x853C_49E6_748F_EA9B
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        var fastPath = 0
        for _ in 0..<30_000 {
            let text = (0..<(next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
            if TextCleaner.collapseASCIIWhitespace(text) != nil { fastPath += 1 }
            #expect(TextCleaner.collapseWhitespace(text) == Self.byCharacters(text), "\(Array(text.unicodeScalars))")
        }
        // both paths are exercised, or the comparison tests only one
        #expect(fastPath > 1_000 && fastPath < 29_000)
    }
}
