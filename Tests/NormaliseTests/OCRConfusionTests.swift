import Testing
import ScrutinyCore
@testable import Normalise

/// One test per OCR confusion rule: the misread is repaired in its context and left alone
/// outside it.
@Suite struct OCRConfusionTests {
    @Test func vocabularyMisreadsAreRepaired() {
        #expect(OCRConfusions.fixVocabulary("Performance Report guarter 3") == "Performance Report quarter 3")
        #expect(OCRConfusions.fixVocabulary("Guarter 2 2013/14") == "Quarter 2 2013/14")
        #expect(OCRConfusions.fixVocabulary("Current Tarqet") == "Current Target")
        #expect(OCRConfusions.fixVocabulary("GUARTER") == "QUARTER")
        // real words and words inside others are not touched
        #expect(OCRConfusions.fixVocabulary("guard the quarter") == "guard the quarter")
        #expect(OCRConfusions.fixVocabulary("guarterback") == "guarterback")
    }

    @Test func unmatchedOpeningQuoteIsASpeck() {
        #expect(OCRConfusions.dropSpeckQuote("“lasted 2 years") == "lasted 2 years")
        #expect(OCRConfusions.dropSpeckQuote("Plans ceasing that had “lasted 2 years") == "Plans ceasing that had lasted 2 years")
        // counter-examples: a closed quotation, a quote inside a word, no quote at all
        #expect(OCRConfusions.dropSpeckQuote("rated “Good” by Ofsted") == "rated “Good” by Ofsted")
        #expect(OCRConfusions.dropSpeckQuote("a“b") == "a“b")
        #expect(OCRConfusions.dropSpeckQuote("Any Comments") == "Any Comments")
    }

    @Test func lettersInsideFiguresBecomeDigits() {
        #expect(OCRConfusions.fixLettersInFigures("1O5") == "105")
        #expect(OCRConfusions.fixLettersInFigures("2l.3%") == "21.3%")
        #expect(OCRConfusions.fixLettersInFigures("was I2 in Q1") == "was 12 in Q1")
        #expect(OCRConfusions.fixLettersInFigures("£1,O00") == "£1,000")
        // words and lone letters stay
        #expect(OCRConfusions.fixLettersInFigures("Io and lo, I and O") == "Io and lo, I and O")
        #expect(OCRConfusions.fixLettersInFigures("Oil 2013") == "Oil 2013")
        #expect(OCRConfusions.fixLettersInFigures("Il") == "Il")
    }

    @Test func percentSignMisreadsAreRepaired() {
        #expect(OCRConfusions.fixPercentSign("12.5°/o") == "12.5%")
        #expect(OCRConfusions.fixPercentSign("rose to 45 o/o") == "rose to 45%")
        #expect(OCRConfusions.fixPercentSign("80%o of cases") == "80% of cases")
        // not after a figure
        #expect(OCRConfusions.fixPercentSign("and/or o/o") == "and/or o/o")
    }

    @Test func poundSignMisreadBeforeMoneyIsRepaired() {
        #expect(OCRConfusions.fixPoundSign("overspend by E1.4m") == "overspend by £1.4m")
        #expect(OCRConfusions.fixPoundSign("a change of S171k") == "a change of £171k")
        #expect(OCRConfusions.fixPoundSign("f2,500 saved") == "£2,500 saved")
        // grades, sizes and codes stay
        #expect(OCRConfusions.fixPoundSign("grade E1, band S4, A4") == "grade E1, band S4, A4")
        #expect(OCRConfusions.fixPoundSign("NI E12") == "NI E12")
    }

    @Test func decimalCommaBeforeAUnitIsRepaired() {
        #expect(OCRConfusions.fixDecimalComma("12,5%") == "12.5%")
        #expect(OCRConfusions.fixDecimalComma("£1,4m") == "£1.4m")
        // a thousands separator is not a decimal point
        #expect(OCRConfusions.fixDecimalComma("1,047") == "1,047")
        #expect(OCRConfusions.fixDecimalComma("2,310k") == "2,310k")
    }

    @Test func lostDecimalPointInAPercentageIsRestoredWhenSafe() {
        #expect(OCRConfusions.fixLostDecimalPoint("1646%") == "16.46%")
        // three digits could be a real rate above 100 %
        #expect(OCRConfusions.fixLostDecimalPoint("165%") == "165%")
        #expect(OCRConfusions.fixLostDecimalPoint("16.46%") == "16.46%")
        #expect(OCRConfusions.fixLostDecimalPoint("£1646%") == "£1646%")
    }

    @Test func cleanTextIsUnchanged() {
        let clean = "Quarter 4 2010/11: 16.46% against a target of 13%, overspend £1.4m (1,047 cases)."
        #expect(OCRConfusions.fix(clean) == clean)
    }

    @Test func normaliseStageAppliesThemToOCRDocumentsOnly() throws {
        let source = SourceDocument(docID: "x", source: "x.pdf", path: "x.pdf", kind: .pdf, byteCount: 1)
        let table = Table(headerRows: [["Measure", "Actual"]],
                          rows: [TableRow(cells: ["Rate", "2l.3%"], at: Provenance(page: 1, line: 1))],
                          caption: nil, pages: [1], at: Provenance(page: 1, line: 0))
        let para = Paragraph(text: "guarter 3", lines: ["guarter 3"], bold: false, headingLevel: nil, at: Provenance(page: 1, line: 3))
        let stage = NormaliseStage(options: .init())
        let ocr = try stage.run(LaidOutDocument(source: source, method: .ocr, pageCount: 1, blocks: [.table(table), .paragraph(para)]),
                                context: StageContext())
        #expect(ocr.tables.first?.rows.first?.cells == ["Rate", "21.3%"])
        #expect(ocr.paragraphs.first?.text == "quarter 3")
        let born = try stage.run(LaidOutDocument(source: source, method: .pdf, pageCount: 1, blocks: [.table(table)]),
                                 context: StageContext())
        #expect(born.tables.first?.rows.first?.cells == ["Rate", "2l.3%"])
    }
}

@Suite struct IndicatorPrefixConfusionTests {
    @Test func performanceIndicatorPrefixMisreadAsBarOrEll() {
        #expect(OCRConfusions.fix("P| - 1176 This is the outturn") == "PI - 1176 This is the outturn")
        #expect(OCRConfusions.fix("Pl 1183") == "PI 1183")
        #expect(OCRConfusions.fix("Plan 2013") == "Plan 2013")
        #expect(OCRConfusions.fix("N1064 Child protection plans") == "NI064 Child protection plans")
        #expect(OCRConfusions.fix("N1I148 Care leavers") == "NI148 Care leavers")
        #expect(OCRConfusions.fix("NI060 stays") == "NI060 stays")
        #expect(OCRConfusions.fix("NIO61 Timeliness") == "NI061 Timeliness")
        #expect(OCRConfusions.fix("NIOOO") == "NIOOO")
        #expect(OCRConfusions.fix("N10 4AB postcode N1064x") == "N10 4AB postcode N1064x")
    }
}

@Suite struct OCRFigureDebrisTests {
    @Test func colonReadForADecimalPointIsRepairedButTimesStay() {
        #expect(OCRConfusions.fix("58:1") == "58.1")
        #expect(OCRConfusions.fix("rate 58:1% in year") == "rate 58.1% in year")
        #expect(OCRConfusions.fix("meeting at 10:30") == "meeting at 10:30")
        #expect(OCRConfusions.fix("Ratio 3:1:2") == "Ratio 3:1:2")
    }

    @Test func aBarAfterAFigureIsARuleNotAOne() {
        #expect(OCRConfusions.fix("18,418|") == "18,418")
        #expect(OCRConfusions.fix("90.2%| next") == "90.2% next")
        #expect(OCRConfusions.fix("2|.3%") == "21.3%")
        #expect(OCRConfusions.fix("69°") == "69")
        #expect(OCRConfusions.fix("rose to 12°C") == "rose to 12°C")
    }

    @Test func underscoreRunsFromTableRulesAreDropped() {
        #expect(OCRConfusions.fix("RE8a__—") == "RE8a")
        #expect(OCRConfusions.fix("HW9a___—") == "HW9a")
        #expect(OCRConfusions.fix("snake_case") == "snake_case")
    }
}

@Suite struct OCRColumnRepairTests {
    @Test func symbolsReadAsLettersInAStatusColumn() {
        #expect(OCRColumnRepairs.repairSymbols(["v", "*", "A", "", "✓"]) == ["✓", "★", "▲", "", "✓"])
        // a RAG column: `A` is amber, nothing changes
        #expect(OCRColumnRepairs.repairSymbols(["A", "G", "R"]) == ["A", "G", "R"])
        // words in the column: not a symbol column
        #expect(OCRColumnRepairs.repairSymbols(["v", "On track"]) == ["v", "On track"])
        // most cells readings: the readings are mended, a scrap is left as it is
        #expect(OCRColumnRepairs.repairSymbols(["v *", "*", "A"]) == ["v *", "★", "▲"])
        #expect(OCRColumnRepairs.isStatusHeader("Status"))
        #expect(OCRColumnRepairs.isStatusHeader("SCORE"))
        #expect(!OCRColumnRepairs.isStatusHeader("Progress"))
        // the status words are the lexicon's; a symbol column is one too
        #expect(OCRColumnRepairs.isStatusHeader("RAG rating") && OCRColumnRepairs.isStatusHeader("Symbol"))
        #expect(!OCRColumnRepairs.isStatusHeader("Target"))
    }

    @Test func iconScrapsBesideAFigureAreDropped() {
        #expect(OCRColumnRepairs.dropIconDebris("172 bs") == "172")
        #expect(OCRColumnRepairs.dropIconDebris("80.00% *") == "80.00%")
        #expect(OCRColumnRepairs.dropIconDebris("78.2%*t") == "78.2%*")
        #expect(OCRColumnRepairs.dropIconDebris("“13.11%") == "13.11%")
        #expect(OCRColumnRepairs.dropIconDebris("£1.4 m") == "£1.4 m")
        #expect(OCRColumnRepairs.dropIconDebris("78.2%*") == "78.2%*")
        #expect(OCRColumnRepairs.dropIconDebris("12 months") == "12 months")
        #expect(OCRColumnRepairs.dropIconDebris("Quarter 3") == "Quarter 3")
    }

    @Test func aDecimalPointLostFromOneFigureOfARowIsPutBack() {
        #expect(OCRColumnRepairs.repairLostDecimalPoints(["Actual", "10.5", "", "111", "11.8"]) == ["Actual", "10.5", "", "11.1", "11.8"])
        #expect(OCRColumnRepairs.repairLostDecimalPoints(["9.2", "10.7", "9.8", "114"]) == ["9.2", "10.7", "9.8", "11.4"])
        // one decimal peer is not evidence enough
        #expect(OCRColumnRepairs.repairLostDecimalPoints(["10.5", "111"]) == ["10.5", "111"])
        // a figure that stays out of the row's range with a point is left alone
        #expect(OCRColumnRepairs.repairLostDecimalPoints(["10.5", "11.8", "2012"]) == ["10.5", "11.8", "2012"])
        // whole numbers in a row of whole numbers are untouched
        #expect(OCRColumnRepairs.repairLostDecimalPoints(["95", "95", "950"]) == ["95", "95", "950"])
    }

    @Test func aLoneDigitReadAsALetterInARowOfFiguresIsMended() {
        #expect(OCRColumnRepairs.repairLoneDigits(["Target", "2", "", "2", "Z", "2"]) == ["Target", "2", "", "2", "2", "2"])
        // a row with words in it is no row of figures
        #expect(OCRColumnRepairs.repairLoneDigits(["Target", "2", "2", "Z", "see note"]) == ["Target", "2", "2", "Z", "see note"])
        #expect(OCRColumnRepairs.repairLoneDigits(["Target", "2", "2", "S"]) == ["Target", "2", "2", "5"])
        // one figure is not evidence enough, nor a row with as many letters as figures
        #expect(OCRColumnRepairs.repairLoneDigits(["Target", "2", "", "S"]) == ["Target", "2", "", "S"])
        #expect(OCRColumnRepairs.repairLoneDigits(["Target", "2", "4", "S", "O"]) == ["Target", "2", "4", "S", "O"])
    }

    @Test func codesOfOneShapeMendLookAlikeDigits() {
        #expect(OCRColumnRepairs.repairCodes(["YPla", "YP1b", "YP1c", "RESc", "RE5d"]) == ["YP1a", "YP1b", "YP1c", "RE5c", "RE5d"])
        // a column of words is left alone
        #expect(OCRColumnRepairs.repairCodes(["Rate", "Slot", "Isle"]) == ["Rate", "Slot", "Isle"])
    }

    @Test func normaliseRepairsStatusColumnsOfOCRTablesOnly() throws {
        let source = SourceDocument(docID: "x", source: "x.pdf", path: "x.pdf", kind: .pdf, byteCount: 1)
        let rows = [["YPla", "Improve outcomes", "v"], ["YP1b", "Keep safe", "*"]].enumerated().map { i, c in
            TableRow(cells: c, at: Provenance(page: 1, line: i + 1))
        }
        let table = Table(headerRows: [["ref", "Key Activities", "Status"]], rows: rows, caption: nil, pages: [1],
                          at: Provenance(page: 1, line: 0))
        let stage = NormaliseStage(options: .init())
        let ocr = try stage.run(LaidOutDocument(source: source, method: .ocr, pageCount: 1, blocks: [.table(table)]),
                                context: StageContext())
        #expect(ocr.tables.first?.rows.map(\.cells) == [["YP1a", "Improve outcomes", "✓"], ["YP1b", "Keep safe", "★"]])
        let born = try stage.run(LaidOutDocument(source: source, method: .pdf, pageCount: 1, blocks: [.table(table)]),
                                 context: StageContext())
        #expect(born.tables.first?.rows.map(\.cells) == [["YPla", "Improve outcomes", "v"], ["YP1b", "Keep safe", "*"]])
    }
}

@Suite struct QuarterLabelMisreadTests {
    @Test func aQuarterOneReadAsALetterIsRepaired() {
        #expect(OCRConfusions.fixQuarterLabel("Ql") == "Q1")
        #expect(OCRConfusions.fixQuarterLabel("Qi 2024/25") == "Q1 2024/25")
        // counter-examples: words, other quarters
        #expect(OCRConfusions.fixQuarterLabel("Qing") == "Qing")
        #expect(OCRConfusions.fixQuarterLabel("Q2") == "Q2")
        #expect(OCRConfusions.fixQuarterLabel("QI score") == "QI score")
    }
}

@Suite struct CommaSpeckTests {
    @Test func aCommaRightBeforeADecimalPointIsASpeck() {
        #expect(OCRConfusions.fixDecimalComma("£1,.13m") == "£1.13m")
        // counter-examples: a thousands separator, a comma ending a sentence
        #expect(OCRConfusions.fixDecimalComma("£1,130") == "£1,130")
        #expect(OCRConfusions.fixDecimalComma("rose to 12,. Then") == "rose to 12,. Then")
    }
}

@Suite struct ArrowMisreadTests {
    @Test func arrowsReadAsLettersInATrendCell() {
        #expect(TrendParser.repairingOCRArrow("t") == "↑")
        #expect(TrendParser.repairingOCRArrow("4") == "↓")
        #expect(TrendParser.repairingOCRArrow(">") == "→")
        #expect(TrendParser.parse("Nochange") == "stable")
        // counter-examples: a figure, a word
        #expect(TrendParser.repairingOCRArrow("1") == "1")
        #expect(TrendParser.repairingOCRArrow("Improving") == "Improving")
    }
}
