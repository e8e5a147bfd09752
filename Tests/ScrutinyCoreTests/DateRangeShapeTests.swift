import Testing
import ScrutinyCore

/// The one date-range pattern layout and extract share.
@Suite struct DateRangeShapeTests {
    @Test func aRangeOfTwoNumericDatesIsFoundWithSlashesOrDots() {
        #expect(DateRangeShape.occurs(in: "Periods --> 01/04/2012 to 30/06/2012"))
        #expect(DateRangeShape.occurs(in: "1.4.12 – 30.6.12"))
        // counter-examples: one date, a date and a year
        #expect(!DateRangeShape.occurs(in: "as at 30/06/2012"))
        #expect(!DateRangeShape.occurs(in: "01/04/2012 to 2013"))
    }

    @Test func aCellIsARangeAfterAShortLabelAtMost() {
        #expect(DateRangeShape.isLabelledRange("01/04/2012 to 30/06/2012"))
        #expect(DateRangeShape.isLabelledRange("Period: 01.04.2012 - 30.06.2012"))
        // counter-examples: a label holding a figure, text after the range, a long sentence before it
        #expect(!DateRangeShape.isLabelledRange("Q1 01/04/2012 to 30/06/2012"))
        #expect(!DateRangeShape.isLabelledRange("01/04/2012 to 30/06/2012 (provisional)"))
        #expect(!DateRangeShape.isLabelledRange("The figures in this table cover 01/04/2012 to 30/06/2012"))
    }
}
