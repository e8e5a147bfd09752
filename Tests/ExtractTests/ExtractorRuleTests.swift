import Testing
import ScrutinyCore
import Normalise
@testable import Extract

@Suite struct ScorecardAssemblerTests {
    @Test func gridGivesOneRowPerPeriodWithStatusAndCommentaryOnTheActual() throws {
        let text = """
            Performance Report - Quarter 1 2012/13

            Children in Care

            RED DIAMOND

            NI999: Example indicator

            Owner: Jo Bloggs Po
            Polarity: Smaller is Better Unit: %

            \t30/04/12\t31/05/12\t30/06/12\t31/07/12\t31/08/12\t30/09/12
            Actual\t\t\t37.5\t\t\t
            Target\t\t\t36\t\t\t36
            Symbol\t\t\t•\t\t\t

            Latest Comments:

            Comment Author: Jo Bloggs - Comment Subject: Commentary

            Above target this quarter.

            No comment here follows.
            """
        let records = try extractText(text).records
        #expect(records.count == 2)
        let june = try #require(records.first { $0.periodEnd == "2012-06-30" })
        #expect(june.actual == 37.5 && june.target == 36)
        #expect(june.owner == "Jo Bloggs")
        #expect(june.polarity == "lower_is_better" && june.unit == "%")
        #expect(june.status == "below_target" && june.statusText == "RED DIAMOND")
        #expect(june.section == "Children in Care")
        #expect(june.commentary?.hasPrefix("Above target this quarter.") == true)
        let sept = try #require(records.first { $0.periodEnd == "2012-09-30" })
        #expect(sept.actual == nil && sept.target == 36 && sept.status == nil && sept.commentary == nil)
        #expect(sept.owner == "Jo Bloggs")
    }

    @Test func fieldsPrintedBeforeTheTitleGoToTheNextIndicator() throws {
        let text = """
            GREEN PLUS

            AB101: First

            Unit: %

            \t30/06/12\t30/09/12
            Actual\t50\t
            Target\t40\t40

            Unit: Number

            Owner: Sam Smith

            AB102: Second

            \t30/06/12\t30/09/12
            Actual\t5\t
            Target\t4\t4
            """
        let records = try extractText(text).records
        let second = records.filter { $0.code == "AB102" }
        #expect(second.count == 2)
        #expect(second.allSatisfy { $0.unit == "number" && $0.owner == "Sam Smith" })
        #expect(records.filter { $0.code == "AB101" }.allSatisfy { $0.unit == "%" && $0.owner == nil })
    }
}

@Suite struct MeasureAndFinanceTests {
    @Test func measureTableColumnsByLabel() throws {
        let text = """
            IMPROVEMENT PLAN 2012/13 - PROGRESS AS AT December 31st 2012

            A. Raise standards

            Measure\tActual (As at December 31st 2012)\tSimilar Authorities\tPrevious Value\tCurrent Target\tAny Comments
            1. Pupils achieving level 4+ -\t78.2%*\t79.80%\t72.00%\t78%(July 12)\tGood.
            2. Agency spend\t7.6m\t£1m\t£2.785m. Forecast\t£1.3m. (All Teams)\tOver.
            """
        let records = try extractText(text).records
        #expect(records.count == 2)
        let a = records[0]
        #expect(a.title == "Pupils achieving level 4+")
        #expect(a.actual == 78.2 && a.target == 78 && a.previous == 72 && a.comparators.similarAuthorities == 79.8)
        #expect(a.unit == "%" && a.section == "Raise standards" && a.periodEnd == "2012-12-31" && a.commentary == "Good.")
        let b = records[1]
        #expect(b.unit == "GBP" && b.actual == 7_600_000 && b.previous == 2_785_000 && b.target == 1_300_000)
    }

    @Test func financeInThousandsWithNotes() throws {
        let text = """
            ### Financial Profile – Revenue

            \tGross Budget '000\tNet Budget '000\tVariance '000
            CYPS Total\t86,494\t44,628\t3,901
            <p>Forecast to overspend.</p>\t\t\t

            ### Financial Profile – Capital

            \tRevised Base Budget\tQuarter 1 Forecast\tActuals to date
            CYPS Total\t28,973\t30,782\t6,099
            """
        let finance = try extractText(text).finance
        #expect(finance.count == 2)
        #expect(finance[0].statement == "Financial Profile – Revenue")
        #expect(finance[0].values["Gross Budget"] == 86_494_000)
        #expect(finance[0].note == "Forecast to overspend.")
        #expect(finance[1].values["Actuals to date"] == 6_099_000, "a sibling statement in '000 scales this one")
    }
}

@Suite struct MetadataTests {
    @Test func councilFromWhatThePaperPrints() {
        #expect(AuthorityFinder().find(inText: "Report of Sandwell Metropolitan Borough Council") == "Sandwell")
        #expect(AuthorityFinder().find(inText: "contact jo.bloggs@kirklees.gov.uk") == "Kirklees")
        #expect(AuthorityFinder().find(inText: "This dashboard summarises City of Bradford Metropolitan District Council's service") == "Bradford")
        #expect(AuthorityFinder().find(inText: "Reading and writing remain below average.") == nil)
        #expect(AuthorityFinder().find(inText: "No council is named here.") == nil)
        // a county named as a place many times outweighs a neighbour named twice
        let minutes = Array(repeating: "Virtual School Kent held its awards.", count: 12).joined(separator: " ")
            + " Kent and Medway partners met. Medway attended."
        #expect(AuthorityFinder().find(inText: minutes) == "Kent")
        #expect(AuthorityFinder().find(inText: "Kent and Medway partners met. Medway attended. Medway again.") == "Medway")
    }

    @Test func periodFromTitleWithAGluedQuarter() throws {
        let e = try extractText("Quarterly Performance Information – Quarter 32013/2014\n\nBody text.")
        #expect(e.document.financialYear == "2013/14" && e.document.quarter == 3 && e.document.asAt == "2013-12-31")
        #expect(e.document.title == "Quarterly Performance Information – Quarter 3 2013/2014")
    }

    @Test func asAtMidQuarter() throws {
        let e = try extractText("**IMPROVEMENT PLAN 20014/15 - PROGRESS AS AT May 31st 2014**\n\ntext")
        #expect(e.document.financialYear == "2014/15" && e.document.quarter == 1 && e.document.asAt == "2014-05-31")
    }
}

@Suite struct RuleRegressionTests {
    @Test func scorecardTitleMayStartWithANumber() throws {
        #expect(ScorecardAssembler.titleParts("NI117 16 to 18 year olds who are not in education")?.0 == "NI117")
        #expect(ScorecardAssembler.titleParts("NI117 12.39") == nil)
    }

    @Test func numberedObjectiveLabelsAreDroppedFromSections() {
        #expect(ExtractText.cleanSection("Objective 9 Reduce teenage conceptions") == "Reduce teenage conceptions")
        #expect(ExtractText.cleanSection("Priority 2: Early help") == "Early help")
        #expect(ExtractText.cleanSection("Objectives for the year") == "Objectives for the year")
    }

    @Test func theLastBudgetLinesNoteOutsideTheTableIsKept() throws {
        let text = """
            ### Financial Profile – Capital

            \tBudget £'000\tForecast £'000
            Schools\t1,000\t1,200
            <p>Works at two schools are running ahead of the programme this year.</p>\t\t
            Early Help\t500\t450
            <p>The main items relate to works at the family centre this year.</p>
            """
        let e = try extractText(text)
        #expect(e.finance.count == 2)
        #expect(e.finance.last?.note == "The main items relate to works at the family centre this year.")
        #expect(e.finance.first?.values.values.first == 1_000_000)
    }
}

@Suite struct SectionRuleTests {
    /// A reporting-period line above a table names no section: the heading above it does.
    @Test func periodLineIsNotASection() {
        func para(_ t: String) -> Block {
            .paragraph(Paragraph(text: t, lines: [t], bold: true, headingLevel: nil, at: Provenance(page: 1, line: 0, box: nil)))
        }
        let blocks = [para("Young people"), para("Periods --> 01/04/2011 to 30/09/2011"), para("x")]
        #expect(ExtractText.section(before: 2, in: blocks) == "Young people")
    }

    /// The first line of a sentence the next paragraph carries on in lower case is no section.
    @Test func wrappedSentenceIsNoHeading() {
        func para(_ t: String, level: Int? = nil) -> Block {
            .paragraph(Paragraph(text: t, lines: [t], bold: false, headingLevel: level, at: Provenance(page: 1, line: 0, box: nil)))
        }
        let wrapped = [para("Early Help", level: 1), para("This indicator is reported annually. Heads of Service are", level: 3),
                       para("reviewing performance with team managers on a fortnightly basis."), para("x")]
        #expect(ExtractText.section(before: 3, in: wrapped) == "Early Help")
        // counter-examples: a heading over a sentence of its own; a heading ending in a colon
        let own = [para("Early Help", level: 1), para("Assessments and reviews", level: 3), para("Reviews are held every month with each team and reported to the panel."), para("x")]
        #expect(ExtractText.section(before: 3, in: own) == "Assessments and reviews")
        #expect(!ExtractText.isWrappedSentenceStart("Key:", before: para("on track")))
    }
}

/// Scan readings the extractors see past: OCR's `l` for `I`, a quote glued to a name, an
/// icon read before a status heading, `i$` for `is`, a list lead-in above a table.
@Suite struct ScanReadingRuleTests {
    @Test func ownerNamesLoseOCRSpecks() {
        #expect(ExtractText.personName("lan Hepworth") == "Ian Hepworth")
        #expect(ExtractText.personName("Trevor Ogunleye’") == "Trevor Ogunleye")
        // a lower-case first word is mended only before capitalised ones
        #expect(ExtractText.personName("lead officer") == "lead officer")
        #expect(ExtractText.personName("Lance Hill") == "Lance Hill")
        #expect(ExtractText.personName("  ") == nil)
    }

    @Test func statusHeadingAfterAnIconScrap() {
        #expect(ScorecardAssembler.statusWords("4+ GREEN PLUS") == "GREEN PLUS")
        #expect(ScorecardAssembler.statusWords("RED DIAMOND") == "RED DIAMOND")
        #expect(ScorecardAssembler.statusWords("A GREEN PLUS") == nil)
        #expect(ScorecardAssembler.statusWords("GREEN PLUS targets") == nil)
    }

    @Test func fieldLabelAfterAGluedQuoteAndPolarityWithAMisreadIs() throws {
        let fields = ScorecardAssembler.parseFields("Owner: Trevor Ogunleye’Polarity: Bigger i$ Better Unit: %", nextLine: nil)
        #expect(fields.map(\.key) == ["owner", "polarity", "unit"])
        #expect(fields[1].value == "Bigger i$ Better")
        #expect(fields[2].value == "%")
        #expect(PolarityParser.parse("Bigger i$ Better") == "higher_is_better")
        #expect(PolarityParser.parse("Smaller 1s Better") == "lower_is_better")
    }

    @Test func financeLabelsLoseTheirScaleMarker() {
        #expect(FinanceTableExtractor.cleanKey("Gross Budget '000") == "Gross Budget")
        #expect(FinanceTableExtractor.cleanKey("£m Forecast") == "Forecast")
        #expect(FinanceTableExtractor.cleanKey("Variance (£k)") == "Variance")
        #expect(FinanceTableExtractor.cleanKey("Mkt £ms") == "Mkt £ms")
    }

    @Test func theLabelOverATablesPeriodBannerNamesItsSection() {
        func table(_ lines: [String]?) -> Table {
            Table(headerRows: [["PI", "Actual"]], rows: [], caption: lines?.joined(separator: " "), pages: [1],
                  at: Provenance(page: 1, line: 0), captionLines: lines)
        }
        #expect(ExtractText.captionLabel(table(["★ Where performance exceeds the target", "Young people",
                                                "Periods --> 01/04/2012 to 30/06/2012"])) == "Young people")
        // a sentence, or no banner, names nothing
        #expect(ExtractText.captionLabel(table(["The symbols are as follows.", "Periods 01/04/2012 to 30/06/2012"])) == nil)
        #expect(ExtractText.captionLabel(table(["Legend", "Young people"])) == nil)
        #expect(ExtractText.captionLabel(table(nil)) == nil)
    }

    @Test func aListLeadInOrAPageNumberIsNoSection() {
        func para(_ t: String) -> Block {
            .paragraph(Paragraph(text: t, lines: [t], bold: true, headingLevel: nil, at: Provenance(page: 1, line: 0, box: nil)))
        }
        let leadIn = [para("Young people"), para("The status symbols employed are as follows;"), para("x")]
        #expect(ExtractText.section(before: 2, in: leadIn) == "Young people")
        let footer = [para("Children in care"), para("Page 5 of 6"), para("x")]
        #expect(ExtractText.section(before: 2, in: footer) == "Children in care")
    }
}
