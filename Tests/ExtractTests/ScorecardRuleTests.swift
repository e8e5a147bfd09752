import Testing
import ScrutinyCore
@testable import Extract

/// One test per rule of `ScorecardReader` (one per kind of line a scorecard prints), each
/// with a line the rule reads and a counter-example it must leave alone. The events are
/// built by hand, as the layout stage would give them, so each test is about one rule.
@Suite struct ScorecardRuleTests {
    typealias Event = ScorecardAssembler.Event

    /// A paragraph line; `heading` is the layout's heading level.
    static func line(_ text: String, heading: Int? = nil) -> Event {
        .line(text, Paragraph(text: text, lines: [text], bold: false, headingLevel: heading,
                              at: Provenance(page: 1, line: 0)))
    }

    /// A monthly grid: dates across, an Actual row down.
    static func grid(dates: [String] = ["30/04/12", "31/05/12"], actual: [String] = ["5", "6"]) -> Event {
        .table(Table(headerRows: [[""] + dates], rows: [TableRow(cells: ["Actual"] + actual, at: Provenance(page: 1, line: 0))],
                     caption: nil, pages: [1], at: Provenance(page: 1, line: 0)))
    }

    /// The indicators a reader collects from `events`.
    static func read(_ events: [Event]) -> [ScorecardAssembler.Indicator] {
        var reader = ScorecardReader()
        reader.read(events)
        return reader.indicators
    }

    // MARK: StatusHeadingGroups

    @Test func statusHeadingGroupsTheIndicatorsUnderIt() {
        let found = Self.read([Self.line("RED DIAMOND"), Self.line("NI 1: One"), Self.grid(),
                               Self.line("NI 2: Two"), Self.grid(),
                               Self.line("4+ GREEN PLUS"), Self.line("NI 3: Three"), Self.grid()])
        #expect(found.map(\.statusText) == ["RED DIAMOND", "RED DIAMOND", "GREEN PLUS"])
    }

    @Test func aSentenceStartingWithStatusWordsIsNoStatusHeading() {
        var reader = ScorecardReader()
        let fired = reader.readStatusHeading("GREEN PLUS targets were met")
        #expect(!fired && reader.pendingStatus == nil)
        let found = Self.read([Self.line("GREEN PLUS targets were met"), Self.line("NI 1: One"), Self.grid()])
        #expect(found.count == 1 && found[0].statusText == nil)
    }

    // MARK: TitleStartsIndicator

    @Test func titleLineStartsAnIndicatorWithoutItsBracketedSecondCode() {
        let found = Self.read([Self.line("NI 117 (LPI 12): Young people not in education"), Self.grid(),
                               Self.line("NI064 Child protection plans lasting two years"), Self.grid()])
        #expect(found.map(\.code) == ["NI 117", "NI064"])
        #expect(found.map(\.title) == ["Young people not in education", "Child protection plans lasting two years"])
    }

    @Test func aTitleLikeLineBeforeTheGridOrACodeWithFiguresStartsNoIndicator() {
        let found = Self.read([Self.line("NI 1: One"), Self.line("NI 2: Subtitle of one"), Self.grid()])
        #expect(found.map(\.title) == ["One"])
        var reader = ScorecardReader()
        let fired = reader.readTitle("NI117 12.39", at: Provenance(page: 1, line: 0))
        #expect(!fired)
        #expect(reader.current == nil)
    }

    // MARK: FieldLine

    @Test func fieldLineGivesTheIndicatorItsFields() {
        let found = Self.read([Self.line("NI 1: One"), Self.line("Owner: Jo Bloggs Unit: %"),
                               Self.line("Good performance is: Low"), Self.grid()])
        #expect(found.map(\.fields) == [["owner": "Jo Bloggs", "unit": "%", "polarity": "Low"]])
    }

    @Test func aLongProseLineWithAFieldLabelIsNoFieldLine() {
        let prose = "The service owner: " + String(repeating: "the figures for the quarter were reviewed again ", count: 4)
        #expect(prose.count >= ExtractTolerances.Scorecard.fieldLineLength)
        var reader = ScorecardReader()
        let fired = reader.readFields(prose, next: nil)
        #expect(!fired)
        let found = Self.read([Self.line("NI 1: One"), Self.line(prose), Self.grid()])
        #expect(found.map(\.fields) == [[:]])
    }

    // MARK: FieldAfterGridWaits

    @Test func aFieldAfterTheGridThatTheIndicatorHasWaitsForTheNextOneAndSoDoTheFieldsAfterIt() {
        let found = Self.read([Self.line("NI 1: One"), Self.line("Unit: %"), Self.grid(),
                               Self.line("Unit: Number"), Self.line("Owner: Sam Smith"),
                               Self.line("NI 2: Two"), Self.grid()])
        #expect(found.map(\.fields) == [["unit": "%"], ["unit": "Number", "owner": "Sam Smith"]])
    }

    @Test func aFieldAfterTheGridThatTheIndicatorLacksIsItsOwn() {
        let found = Self.read([Self.line("NI 1: One"), Self.line("Unit: %"), Self.grid(),
                               Self.line("Owner: Sam Smith"), Self.line("NI 2: Two"), Self.grid()])
        #expect(found.map(\.fields) == [["unit": "%", "owner": "Sam Smith"], [:]])
    }

    /// Two fields on one line after the grid are taken in print order, every run: the unit
    /// the indicator has waits, so the owner printed after it waits too.
    @Test func fieldsOnOneLineAfterTheGridAreTakenInPrintOrder() {
        let found = Self.read([Self.line("NI 1: One"), Self.line("Unit: %"), Self.grid(),
                               Self.line("Unit: Number Owner: Sam Smith"), Self.line("NI 2: Two"), Self.grid()])
        #expect(found.map(\.fields) == [["unit": "%"], ["unit": "Number", "owner": "Sam Smith"]])
        // counter-example: printed the other way round, the owner it lacks is its own
        let other = Self.read([Self.line("NI 1: One"), Self.line("Unit: %"), Self.grid(),
                               Self.line("Owner: Sam Smith Unit: Number"), Self.line("NI 2: Two"), Self.grid()])
        #expect(other.map(\.fields) == [["unit": "%", "owner": "Sam Smith"], ["unit": "Number"]])
    }

    // MARK: LatestCommentsHeading and CommentText

    @Test func latestCommentsHeadingOpensTheCommentBlock() {
        let found = Self.read([Self.line("NI 1: One"), Self.grid(), Self.line("Latest Comments:"),
                               Self.line("Above target this quarter."), Self.line("More to do.")])
        #expect(found.map(\.comments) == [["Above target this quarter.", "More to do."]])
    }

    @Test func withoutTheHeadingOrAfterATableLinesAreNoComments() {
        var reader = ScorecardReader()
        let fired = reader.readCommentsHeading("Latest comments from the board were positive")
        #expect(!fired && !reader.inComments)
        let noHeading = Self.read([Self.line("NI 1: One"), Self.grid(), Self.line("Above target this quarter.")])
        #expect(noHeading.map(\.comments) == [[]])
        let legend = Event.table(Table(headerRows: [["Symbol", "Meaning"]], rows: [], caption: nil, pages: [1],
                                       at: Provenance(page: 1, line: 0)))
        let afterTable = Self.read([Self.line("NI 1: One"), Self.grid(), Self.line("Latest Comments:"),
                                    Self.line("Above target."), legend, Self.line("Page footer text")])
        #expect(afterTable.map(\.comments) == [["Above target."]])
    }

    @Test func aCommentBeforeTheGridBelongsToNoIndicator() {
        let found = Self.read([Self.line("NI 1: One"), Self.line("Latest Comments:"), Self.line("Too early."), Self.grid()])
        #expect(found.map(\.comments) == [[]])
    }

    // MARK: CommentAuthorLine

    @Test func commentAuthorLineIsNotCommentText() {
        #expect(ScorecardReader.isCommentAuthor("Comment Author: Jo Bloggs - Comment Subject: Commentary"))
        #expect(!ScorecardReader.isCommentAuthor("Comment authors met in May."))
        let found = Self.read([Self.line("NI 1: One"), Self.grid(), Self.line("Latest Comments:"),
                               Self.line("Comment Author: Jo Bloggs - Comment Subject: Commentary"),
                               Self.line("Comment authors met in May.")])
        #expect(found.map(\.comments) == [["Comment authors met in May."]])
    }

    // MARK: SectionAboveStatusHeading

    @Test func aShortNameRightAboveAStatusHeadingIsASection() {
        let found = Self.read([Self.line("Children in Care"), Self.line("RED DIAMOND"), Self.line("NI 1: One"), Self.grid()])
        #expect(found.map(\.section) == ["Children in Care"])
        #expect(found.map(\.statusText) == ["RED DIAMOND"])
    }

    @Test func aNameWithNoStatusHeadingAfterItOrASentenceIsNoSection() {
        let noHeading = Self.read([Self.line("Children in Care"), Self.line("NI 1: One"), Self.grid()])
        #expect(noHeading.map(\.section) == [nil])
        let sentence = Self.read([Self.line("The service improved."), Self.line("RED DIAMOND"), Self.line("NI 1: One"), Self.grid()])
        #expect(sentence.map(\.section) == [nil])
        #expect(!ScorecardAssembler.looksLikeSectionName("Children in Care (see note)"))
        #expect(!ScorecardAssembler.looksLikeSectionName("one two three four five six seven eight nine"))
    }

    // MARK: PeriodHeadingSkipped

    @Test func aHeadingNamingTheYearIsNoCommentTextButTheSameWordsInProseAre() {
        let events = { (heading: Int?) in
            [Self.line("NI 1: One"), Self.grid(), Self.line("Latest Comments:"),
             Self.line("Performance Report 2012/13", heading: heading), Self.line("Above target.")]
        }
        #expect(Self.read(events(1)).map(\.comments) == [["Above target."]])
        #expect(Self.read(events(nil)).map(\.comments) == [["Performance Report 2012/13", "Above target."]])
    }

    // MARK: GridFollowsTitle

    @Test func theFirstGridAfterATitleIsItsGrid() {
        let found = Self.read([Self.line("NI 1: One"), Self.grid(actual: ["5", "6"]), Self.grid(actual: ["9", "9"])])
        #expect(found.map { $0.grid?.rows.first?.cells ?? [] } == [["Actual", "5", "6"]])
        #expect(Self.read([Self.grid(), Self.line("NI 1: One")]).isEmpty, "a grid before any title is no indicator's")
    }

    @Test func aTableWithOneDateColumnOrNoActualOrTargetRowIsNoGrid() {
        func table(_ header: [String], _ label: String) -> Table {
            Table(headerRows: [header], rows: [TableRow(cells: [label, "5", "6"], at: Provenance(page: 1, line: 0))],
                  caption: nil, pages: [1], at: Provenance(page: 1, line: 0))
        }
        #expect(ScorecardAssembler.isGrid(table(["", "30/04/12", "31/05/12"], "Target")))
        #expect(!ScorecardAssembler.isGrid(table(["", "30/04/12", "Comment"], "Actual")))
        #expect(!ScorecardAssembler.isGrid(table(["", "30/04/12", "31/05/12"], "Symbol")))
    }

    // MARK: IndicatorNeedsGrid

    @Test func anIndicatorIsKeptOnlyWithAGrid() {
        #expect(Self.read([Self.line("NI 1: One"), Self.line("Owner: Jo Bloggs")]).isEmpty)
        #expect(Self.read([Self.line("NI 1: One"), Self.line("Owner: Jo Bloggs"), Self.grid()]).count == 1)
    }

    // MARK: ScorecardPaper

    @Test func aScorecardPaperPrintsAStatusHeadingOrAGrid() {
        #expect(ScorecardAssembler.isScorecard([Self.line("RED DIAMOND"), Self.line("NI 1: One")]))
        #expect(ScorecardAssembler.isScorecard([Self.line("NI 1: One"), Self.grid()]))
        let table = Event.table(Table(headerRows: [["Measure", "Actual", "Target"]],
                                      rows: [TableRow(cells: ["NI 1", "5", "6"], at: Provenance(page: 1, line: 0))],
                                      caption: nil, pages: [1], at: Provenance(page: 1, line: 0)))
        #expect(!ScorecardAssembler.isScorecard([Self.line("NI 1: One"), table]))
    }
}
