import Testing
@testable import Normalise

/// One test per layout quirk the papers show.
@Suite struct LayoutQuirkTests {
    @Test func gluedQuarterDigitIsSplitFromTheYear() {
        #expect(LayoutQuirks.fixGluedQuarterYear("Quarter 32013/2014") == "Quarter 3 2013/2014")
        #expect(PeriodParser.quarter(in: "Performance Report Quarter 32013/2014") == 3)
        #expect(PeriodParser.financialYear(in: "Quarter 32013/2014") == "2013/14")
        // A real year after "Quarter" is left alone.
        #expect(LayoutQuirks.fixGluedQuarterYear("Quarter 2013/14") == "Quarter 2013/14")
        #expect(LayoutQuirks.fixGluedQuarterYear("Quarter1 Forecast £000") == "Quarter 1 Forecast £000")
        #expect(LayoutQuirks.fixGluedQuarterYear("Quarter12 Q1") == "Quarter12 Q1")
    }

    @Test func doubledDigitInAFinancialYearIsRepaired() {
        #expect(PeriodParser.financialYear(in: "Outturn 20012/13") == "2012/13")
        #expect(PeriodParser.financialYear(in: "2012-2013") == "2012/13")
        #expect(PeriodParser.financialYear(in: "due 30/04/2012") == nil)
    }

    @Test func wordsSplitByACellBoundaryAreJoined() {
        #expect(LayoutQuirks.joinSplitWord("Performance Rep", "ort") == "Performance Report")
        #expect(LayoutQuirks.joinSplitWord("Q", "uarter 1") == "Quarter 1")
        // Two words that stand on their own are not glued.
        #expect(LayoutQuirks.joinSplitWord("Annual", "Report") == nil)
    }

    /// The edge prefilter says "maybe" to every report word split anywhere (with words,
    /// white space or accents around it) and "no" only where an ASCII non-letter meets the join.
    @Test func joinEdgePrefilterNeverRulesOutASplitReportWord() {
        for word in LayoutQuirks.reportWords {
            let w = Array(word)
            for cut in 1..<w.count {
                let l = String(w[..<cut]), r = String(w[cut...])
                for (left, right) in [(l, r), ("Q3 " + l.capitalized, r + " 2024"), (l + " ", "\u{A0}" + r),
                                      ("é" + l, r + "é"), (l + "\n", r + "%")] {
                    #expect(LayoutQuirks.mayJoinAtEdges(left, right), "\(left)|\(right)")
                }
            }
        }
        #expect(!LayoutQuirks.mayJoinAtEdges("12", "%"))
        #expect(!LayoutQuirks.mayJoinAtEdges("Target", "(5)"))
        #expect(!LayoutQuirks.mayJoinAtEdges("5", "Report"))
        // an ASCII edge before a combining mark could be part of a letter's character: maybe
        #expect(LayoutQuirks.mayJoinAtEdges("Rep", "1\u{301}"))
    }

    /// The byte-level word helpers give what the character-level expressions they replace
    /// give: the ends of `split(separator: " ")`, `allSatisfy(\.isLetter)`, `prefix(while: \.isLetter)`.
    @Test func wordHelpersAgreeWithTheCharacterExpressions() {
        for text in ["", " ", "   ", "one", " one ", "Performance Rep", "a  b   c ", "  lead", "x \u{301}y z",
                     "tab\tsep word", "é e\u{301} ü", "end \r\n", "\r\n", "ab\r\ncd ef", "Q3 2024", "ort 1",
                     "uarter1", "it's", "A-Z", "Zz@[`{"] {
            let pieces = text.split(separator: " ", omittingEmptySubsequences: true)
            #expect(LayoutQuirks.lastWord(text) == pieces.last, "\(text.debugDescription)")
            #expect(LayoutQuirks.firstWord(text) == pieces.first, "\(text.debugDescription)")
            for piece in pieces + [Substring(text)] {
                #expect(LayoutQuirks.isAllLetters(piece) == piece.allSatisfy(\.isLetter), "\(piece.debugDescription)")
                #expect(LayoutQuirks.leadingLetters(piece) == piece.prefix(while: \.isLetter), "\(piece.debugDescription)")
            }
        }
    }

    @Test func fieldLabelFragmentIsSplitOffAValue() {
        let split = LayoutQuirks.splitFieldFragment("Carrie Forrester Po", nextLabel: "Polarity:")
        #expect(split.value == "Carrie Forrester")
        #expect(split.fragment == "Po")
        #expect(LayoutQuirks.splitFieldFragment("Carrie Forrester").fragment == nil)
    }

    @Test func titlesLoseListNumbering() {
        #expect(LayoutQuirks.cleanTitle("1. Number of looked after children -") == "Number of looked after children")
    }
}

/// Figures as printed in indicator and budget tables.
@Suite struct FigureTests {
    @Test func percentWithAFootnoteMark() {
        #expect(FigureParser.parse("78.2%*") == Figure(value: 78.2, unit: .percent))
    }

    @Test func moneyInMillionsAndThousands() {
        #expect(FigureParser.parse("£4.505m") == Figure(value: 4_505_000, unit: .money))
        #expect(FigureParser.parse("£746k") == Figure(value: 746_000, unit: .money))
    }

    @Test func thousandsSeparatorsAndTableScale() {
        #expect(FigureParser.parse("86,494")?.value == 86_494)
        let scale = MoneyScale.scale(forHeader: "Budget £'000")
        #expect(scale == 1000)
        #expect(FigureParser.parse("86,494", scale: scale ?? 1, moneyContext: true)?.value == 86_494_000)
    }

    @Test func countWithAPercentInBrackets() {
        let f = FigureParser.parse("117/147 (56%)")
        #expect(f?.value == 56)
        #expect(f?.unit == .percent)
    }

    @Test func placeholdersAreNotFigures() {
        for s in ["NA", "N/A", "TBC", "TBD", "*", "-", ""] { #expect(FigureParser.parse(s) == nil, "\(s)") }
    }

    @Test func negativeInBrackets() {
        #expect(FigureParser.parse("(1,234)")?.value == -1234)
    }
}

/// Dates, polarity wordings and status vocabularies.
@Suite struct VocabularyTests {
    @Test func datesInTheFormsPrinted() {
        #expect(DateParser.parse("30/04/12") == "2012-04-30")
        #expect(DateParser.parse("December 31st 2012") == "2012-12-31")
        #expect(DateParser.parse("31 March 2013") == "2013-03-31")
        #expect(DateParser.parse("31/02/2013") == nil)
    }

    @Test func polarityWordings() {
        #expect(PolarityParser.parse("Bigger is Better") == "higher_is_better")
        #expect(PolarityParser.parse("Smaller is Better") == "lower_is_better")
        #expect(PolarityParser.parse("Higher is better") == "higher_is_better")
        #expect(PolarityParser.parse("Good performance is: Low") == "lower_is_better")
        #expect(PolarityParser.parse("Aim to Maximise") == "higher_is_better")
    }

    @Test func statusVocabularies() {
        #expect(StatusParser.parse("RED DIAMOND") == "below_target")
        #expect(StatusParser.parse("GREEN PLUS") == "above_target" || StatusParser.parse("GREEN PLUS") == "on_target")
        #expect(StatusParser.parse("BLUE CIRCLE") != nil)
        #expect(StatusParser.parse("★") == "above_target")
        #expect(StatusParser.parse("●") == "on_target")
        #expect(StatusParser.parse("▲") == "below_target")
        #expect(StatusParser.parse("Red") == "below_target")
        #expect(StatusParser.parse("Amber") != nil)
        #expect(StatusParser.parse("Green") == "on_target")
    }

    @Test func quarterEndDates() {
        #expect(PeriodParser.quarterEnd(financialYear: "2012/13", quarter: 4) == "2013-03-31")
        #expect(PeriodParser.quarterEnd(financialYear: "2013/14", quarter: 3) == "2013-12-31")
    }
}
