import Testing
@testable import Normalise

/// The byte prefilters in front of the date and quarter expressions never skip a text the
/// expressions would match, and do skip the texts that cannot.
struct DatePrefilterTests {
    @Test func digitSeparatorDigitFiresOnEveryNumericDateForm() {
        for text in ["30/04/12", "as at 30.04.2012.", "2012-06-30", "30-04-2012"] {
            #expect(DateParser.digitSeparatorDigit(text.utf8).any, "\(text)")
        }
        #expect(DateParser.digitSeparatorDigit("2012-06-30".utf8).hyphen)
        #expect(!DateParser.digitSeparatorDigit("30/04/12".utf8).hyphen)
        // another script's digits: the expressions' `\d` matches them, so the prefilter lets them through
        #expect(DateParser.digitSeparatorDigit("٣٠/٠٤/٢٠١٢".utf8).any)
        // counter-examples: separators without a digit on both sides
        for text in ["pages 3 - 4", "and/or", "Q3 2012", "end."] {
            #expect(!DateParser.digitSeparatorDigit(text.utf8).any, "\(text)")
        }
    }

    @Test func datesAreFoundWithThePrefilterAsBefore() {
        #expect(DateParser.find(in: "Report to 30/06/2012 and 2012-09-30, then 31 December 2012.").map(\.iso)
                == ["2012-06-30", "2012-09-30", "2012-12-31"])
        #expect(DateParser.find(in: "pages 3 - 4 and/or 12 items").isEmpty)
    }

    @Test func aTextWithoutAQIsNoQuarter() {
        #expect(PeriodParser.quarter(in: "Quarter 3 2013/14") == 3)
        #expect(PeriodParser.quarter(in: "third quarter") == 3)
        #expect(PeriodParser.quarter(in: "QTR 2") == 2)
        // counter-example: no `q` at all
        #expect(PeriodParser.quarter(in: "Third period of the year 2013/14") == nil)
    }

    /// The named-month scan never says "no" to a text `dayFirst` or `monthFirst` matches.
    static func agrees(_ text: String) -> (dayFirst: Bool, monthFirst: Bool, regexDay: Bool, regexMonth: Bool) {
        let scan = DateParser.namedMonthForms(text)
        let day = text.firstMatch(of: DateParser.dayFirst) != nil
        let month = text.firstMatch(of: DateParser.monthFirst) != nil
        #expect(scan.dayFirst || !day, "day first: \(text.debugDescription)")
        #expect(scan.monthFirst || !month, "month first: \(text.debugDescription)")
        return (scan.dayFirst, scan.monthFirst, day, month)
    }

    @Test func namedMonthScanFiresOnEveryNamedDate() {
        for text in ["31st December 2012", "31 Dec 2012", "1st of April 2012", "as at 31st of  March, 2013.",
                     "December 31st 2012", "June 30th, 2012", "Dec 312012", "dec. 3 2012", "SEPT 3RD,2012", "31march2012"] {
            let r = Self.agrees(text)
            #expect(r.regexDay || r.regexMonth, "the expressions should match \(text.debugDescription)")
        }
        // white space and digits outside ASCII: the scan cannot rule them out
        for text in ["30\u{A0}June 2012", "June\u{A0}30 2012", "June 3\u{0663}2012", "31 Mar\u{A0}2012", "June 30 ٢٠١٢"] {
            let r = Self.agrees(text)
            #expect(r.dayFirst || r.monthFirst, "\(text.debugDescription)")
        }
        // counter-examples: a month and a year without a day beside the name, or a day too long
        for text in ["March 2024", "Quarter 3 (October to December 2023)", "2024 March", "Mar 123 2024", "12 items in May, then 2024",
                     "Primary 2024 – May’s figures"] {
            let r = Self.agrees(text)
            #expect(!r.dayFirst && !r.monthFirst, "\(text.debugDescription)")
        }
    }

    @Test func namedMonthScanAgreesWithTheExpressionsOnGeneratedTexts() {
        let tokens = ["31", "1", "2024", "12", "20120", "312012", "123", " ", "  ", "\n", "\u{A0}", "\u{2003}", "st", "th", "of",
                      "March", "mar", "Dec", "sept", "June", "MAY", "ember", "uary", ".", ",", "x", "’", "–", "£", "٣", "\u{301}",
                      "\u{212A}", "ſ", "é", "\u{1C}", "-", "/", "(", "\r\n"]
        var matched = 0, skipped = 0
        for text in generatedTexts(30_000, from: tokens, maxPieces: 9, seed: 0x2545_F491_4F6C_DD1D) {
            let r = Self.agrees(text)
            if r.regexDay || r.regexMonth { matched += 1 }
            // a text with a month name and a digit that the scan rules out: the scan does work
            if !r.dayFirst, !r.monthFirst, DateParser.mayNameMonth(text.utf8) { skipped += 1 }
        }
        // the sample holds dates as well as texts the scan skips, or it tests nothing
        #expect(matched > 100)
        #expect(skipped > 100)
    }

    @Test func gluedQuarterScanNeverSkipsATextTheExpressionsMatch() {
        let pieces = ["Q", "q", "Quarter", "QTR", "qtr", "uarter", " ", "\t", "\u{A0}", "3", "1", "5", "2013", "/14", "-",
                      "–", "2024", "x", "é", "٣", "Quarterly", ":", "Forecast"]
        var matched = 0, skipped = 0
        for text in generatedTexts(30_000, from: pieces, maxPieces: 7, seed: 0xDA94_2042_E4DD_58B5) {
            let matches = text.firstMatch(of: rxQuarterGlued) != nil || text.firstMatch(of: rxQuarterGluedToYear) != nil
            let scan = LayoutQuirks.mayGlueQuarter(text)
            #expect(scan || !matches, "\(text.debugDescription)")
            if matches { matched += 1 }
            if !scan, text.utf8.contains(where: { $0 | 0x20 == 0x71 }) { skipped += 1 }
        }
        #expect(matched > 100)
        #expect(skipped > 100)
        // named cases: both forms fire; a quarter word without a glued digit does not
        #expect(LayoutQuirks.mayGlueQuarter("Quarter 32013/2014") && LayoutQuirks.mayGlueQuarter("Qtr1"))
        #expect(!LayoutQuirks.mayGlueQuarter("Quarterly report 2013/14"))
    }

    /// `PeriodParser.opensWithLetter` never says "no" to a label a month or quarter label
    /// expression matches whole, and does say it to labels opening with a digit or a sign.
    @Test func periodLabelPrefilterNeverSkipsAMonthOrQuarterLabel() {
        let pieces = ["12", "Apr", "april", "SEPT", "Q", "qtr", "Quarter", "3", " ", "-", "2024", "24/25", "’", "'",
                      ".", "(", "£", "1.5", "%", "\u{17F}", "é", "\u{A0}", "x"]
        var matched = 0, skipped = 0
        for text in generatedTexts(20_000, from: pieces, maxPieces: 4, seed: 0x2545_F491_4F6C_DD1D) {
            let whole = text.wholeMatch(of: rxMonthYearLabel) != nil || text.wholeMatch(of: rxMonthAloneLabel) != nil
                || text.wholeMatch(of: rxQuarterLabel) != nil
            #expect(PeriodParser.opensWithLetter(text) || !whole, "\(text.debugDescription)")
            if whole { matched += 1 }
            if !PeriodParser.opensWithLetter(text) { skipped += 1 }
        }
        #expect(matched > 100 && skipped > 100)
    }

    @Test func figureMaskingCuesNeverSkipAnExpressionThatWouldMatch() {
        let pieces = ["12", "1st", " ", "March", "mar", "SEPT", "Jan", "ember", ",", "2024", "Q", "q", "Qtr", "3", "rd", "quarter",
                      "per", "PER", " 10,000", "k", "pe", "r", "\u{212A}", "é", "\u{A0}", "x", "%", "£"]
        var matched = 0, skipped = 0
        for text in generatedTexts(30_000, from: pieces, maxPieces: 6, seed: 0x9E37_79B9_0000_0001) {
            let cues = FigureTokenizer.letterCues(text.utf8)
            let month = text.firstMatch(of: FigureTokenizer.dayMonth) != nil || text.firstMatch(of: FigureTokenizer.monthDay) != nil
            let quarter = text.firstMatch(of: FigureTokenizer.quarterName) != nil
            let rate = text.firstMatch(of: FigureTokenizer.perRate) != nil
            #expect(cues.month || !month, "\(text.debugDescription)")
            #expect(cues.q || !quarter, "\(text.debugDescription)")
            #expect(cues.per || !rate, "\(text.debugDescription)")
            if month || quarter || rate { matched += 1 }
            if !cues.month && !cues.q && !cues.per { skipped += 1 }
        }
        #expect(matched > 100 && skipped > 100)
    }

    @Test func quarterAndYearPairScansNeverSkipATextTheExpressionsMatch() {
        let pieces = ["Q", "q", "Quarter", "QTR", "qr", ".", " ", "\t", "\u{A0}", "3", "1", "5", "one", "third", " quarter", "2013",
                      "/", "-", "–", "14", "24", "25", "2024", "x", "é", "٣", ",", "%", "(", "\u{2003}"]
        var quarters = 0, years = 0, skipped = 0
        for text in generatedTexts(30_000, from: pieces, maxPieces: 7, seed: 0x1357_9BDF_2468_ACE0) {
            let cues = PeriodParser.quarterCues(text)
            let number = text.firstMatch(of: rxQuarterWordNumber) != nil || text.firstMatch(of: rxQuarterLetterNumber) != nil
            let word = text.firstMatch(of: rxOrdinalQuarter) != nil || text.firstMatch(of: rxQuarterSpelledNumber) != nil
            #expect(cues.number || !number, "\(text.debugDescription)")
            #expect(cues.word || !word, "\(text.debugDescription)")
            let pair = text.firstMatch(of: rxLongYearPair) != nil || text.firstMatch(of: rxShortYearPair) != nil
            #expect(PeriodParser.mayHoldYearPair(text) || !pair, "\(text.debugDescription)")
            if number || word { quarters += 1 }
            if pair { years += 1 }
            if !PeriodParser.mayHoldYearPair(text) && !cues.number && !cues.word { skipped += 1 }
        }
        #expect(quarters > 100 && years > 100 && skipped > 100)
        #expect(PeriodParser.financialYear(in: "Target 2024 – 25") == "2024/25")
        #expect(!PeriodParser.mayHoldYearPair("pages 3 - and/or"))
    }
}

/// Texts made of random runs of `pieces` (1 to `maxPieces` each), the same on every run (a
/// fixed seed), for checking that a prefilter never refuses what an expression matches.
func generatedTexts(_ count: Int, from pieces: [String], maxPieces: Int, seed: UInt64) -> [String] {
    var state = seed
    func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
    return (0..<count).map { _ in (0..<(1 + next() % maxPieces)).map { _ in pieces[next() % pieces.count] }.joined() }
}
