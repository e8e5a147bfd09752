import Foundation
import Testing
import ScrutinyCore
import Normalise
@testable import Extract

/// Byte prefilters in front of Extract's text rules never turn away a text the rule
/// behind them would have read.
struct ExtractPrefilterTests {
    static func generated(_ pieces: [String], count: Int, seed start: UInt64) -> [String] {
        var seed = start
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        return (0..<count).map { _ in (0..<(1 + next() % 7)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    @Test func aCellTurnedAwayGetsNoColonFromTheLeadingLabelRule() {
        let pieces = ["Actual", "Target", " ", "49", "4", ":", "%", "Latest", "£", "٣", "x", "\t", "Q3", "(Green)", ","]
        var turnedAway = 0
        for raw in Self.generated(pieces, count: 20_000, seed: 0x1234_5678_9ABC_DEF1) + ["Actual 49", "Target: 90%", "Latest ٣"] {
            guard !LabelledCardAssembler.mayHoldLabelledValue(raw) else { continue }
            turnedAway += 1
            let cell = LabelledCardAssembler.withColonAfterLeadingLabel(TextCleaner.collapseWhitespace(raw))
            #expect(!cell.contains(":"), "\(raw.debugDescription)")
            #expect(LabelledCardAssembler.labelledValues([raw]).isEmpty)
        }
        #expect(turnedAway > 1_000)
        // counter-examples: a colon, or a figure role's words before a figure, keep the cell in
        #expect(LabelledCardAssembler.mayHoldLabelledValue("Actual 49"))
        #expect(!LabelledCardAssembler.labelledValues(["Actual 49"]).isEmpty)
        #expect(LabelledCardAssembler.mayHoldLabelledValue("Target: ninety"))
    }

    /// The byte reading of `leadingLabel` ends the words where the expression does, on
    /// cells of letters, apostrophes, white space of every kind, signs, bounds and digits.
    @Test func leadingLabelReadByBytesAgreesWithTheExpression() {
        let pieces = ["Actual", "Target", "a", "Z", "'", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "-", "<", ">", "+",
                      "4", "49", ":", "%", "£", "–", "é", "\r\n", "Latest figure for the quarter ended", "x",
                      "Actual ", "Target ", " 49", " -4", " <5", "\t4", " £4", " – 4", "Actual 49", "Target 2024/25 49"]
        var matched = 0
        for cell in Self.generated(pieces, count: 30_000, seed: 0x2468_ACE0_1357_9BDF)
            + ["Actual 49", "Actual  -4", "A 1", "Ab\t<2", String(repeating: "a", count: 31) + " 1",
               String(repeating: "a", count: 32) + " 1", "Target £5", "Actual – 4"] {
            let byBytes = LabelledCardAssembler.leadingLabelEnd(cell)
            let byExpression = cell.firstMatch(of: LabelledCardAssembler.leadingLabel)?.output.words.endIndex
            #expect(byBytes == byExpression, "\(cell.debugDescription)")
            if byBytes != nil { matched += 1 }
        }
        #expect(matched > 500)
        // the longest run of words is 1 + `leadingLabelLength` characters; one more is none
        #expect(LabelledCardAssembler.leadingLabelEnd(String(repeating: "a", count: 31) + " 1") != nil)
        #expect(LabelledCardAssembler.leadingLabelEnd(String(repeating: "a", count: 32) + " 1") == nil)
    }

    @Test func entityExpressionsNeverMatchATextTheirPrefilterSkips() {
        let pieces = ["£", "£1.2m", "£ 3 million", "1,200", "Comment Author:", "Comment Author: Jane Smith", "Comment", " Author:",
                      "Author: ", "Jane", " Smith", " ", "x", "\u{301}", "é", "€5", "comment author:", "\n"]
        var money = 0, authors = 0, skipped = 0
        for text in Self.generated(pieces, count: 20_000, seed: 0x0F0F_1234_AAAA_5555) {
            let m = text.firstMatch(of: rxMoneySum) != nil, a = text.firstMatch(of: rxCommentAuthorName) != nil
            #expect(EntityExtractor.mayHoldPound(text) || !m, "\(text.debugDescription)")
            #expect(EntityExtractor.mayNameCommentAuthor(text) || !a, "\(text.debugDescription)")
            if m { money += 1 }
            if a { authors += 1 }
            if !EntityExtractor.mayHoldPound(text) && !EntityExtractor.mayNameCommentAuthor(text) { skipped += 1 }
        }
        #expect(money > 100 && authors > 100 && skipped > 100)
        #expect(!EntityExtractor.mayNameCommentAuthor("Comment author: Jane Smith"))
    }

    @Test func coverageLabelScanNeverSkipsALineTheExpressionMatches() {
        let pieces = ["Target", "Latest", ":", " ", "  ", "\t", "94%", "9", "-", "–", "£", "€", "(", "$", "<", "x", "\u{A0}", "٣",
                      "Target 2024/25", "note", ",", "\u{2003}"]
        let rx = PatternCache.regex(CoverageCounter.labelledValue)
        var matched = 0, skipped = 0
        for line in Self.generated(pieces, count: 20_000, seed: 0x5555_AAAA_1234_0F0F) {
            let m = rx.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
            #expect(CoverageCounter.mayLabelFigure(line) || !m, "\(line.debugDescription)")
            if m { matched += 1 }
            if !CoverageCounter.mayLabelFigure(line), line.contains(":") { skipped += 1 }
        }
        #expect(matched > 100 && skipped > 100)
    }
}
