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
}
