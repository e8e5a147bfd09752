import Foundation

/// Every numeric threshold of the Extract stage, in one place. Each constant says what it
/// measures, in which unit, and which convention of council papers it encodes; a rule reads
/// its limits from here (each rule type names its section `Limits`), never from a literal
/// in its body — `Tests/Bench/code_health.py` counts any literal left behind.
enum ExtractTolerances {
    /// The strict majority: more than this share of a set (`TableShape`'s "most rows").
    static let majorityShare = 0.5

    /// Whether `part` is more than half of `whole`.
    static func isMajority(_ part: Int, of whole: Int) -> Bool {
        Double(part) > majorityShare * Double(whole)
    }

    /// Headings, prose and names read by `ExtractText`.
    enum Text {
        /// Longest section heading above a table, in characters: a council heading is a
        /// label of a line or two, never a paragraph.
        static let sectionLength = 200
        /// How many paragraphs back from a table a section heading is looked for: a heading
        /// sits right above its table, at most behind a period line, a lead-in and a note.
        static let sectionParagraphs = 4
        /// Longest period line (`Periods --> 01/04/2011 to 30/09/2011`) passed over on the
        /// way to a section, in characters: a longer line with a date range is a heading
        /// that happens to name the period.
        static let periodLineLength = 60
        /// Fewest characters of a heading: shorter lines are page numbers, bullets, specks.
        static let shortestHeading = 3
        /// Longest heading above a card that the layout did not mark as a heading, in
        /// characters: a page of KPI cards sits under a short title.
        static let unmarkedHeadingLength = 120
        /// The heading levels that mark the heading a page of cards sits under (1 = largest
        /// type); papers set section titles in their two largest sizes.
        static let topHeadingLevel = 2
        /// Headings of this level or smaller type can be a sentence set in bold or large
        /// type (a lead-in above a table) rather than a heading.
        static let minorHeadingLevel = 3
        /// The level a paragraph the layout marked as no heading counts as: below any level.
        static let noHeadingLevel = 9
        /// Fewest words of a sentence that `isProse` takes for prose: headings are labels,
        /// and a short one may end in a full stop (`Children in care.` stays a heading).
        static let proseWords = 8
        /// Fewest words of a person's name: a first name and a surname.
        static let nameWords = 2
        /// Fewest letters of a first name whose leading `l` is OCR's misread capital `I`
        /// (`lan` → `Ian`); shorter words are initials or particles.
        static let misreadFirstNameLength = 3
        /// Longest label over a table's period banner (`Young people`), in characters.
        static let captionLabelLength = 60
    }

    /// A paper's title, period and "as at" date (`DocumentMetadataExtractor`).
    enum Metadata {
        /// Paragraphs at the top of a paper that may hold its title and period: a cover
        /// page and the opening of the report.
        static let openingParagraphs = 40
        /// Headings further down that count too (a page header carried into a text export).
        static let laterHeadings = 10
        /// Texts (title, running headers, opening paragraphs) searched for the period.
        static let periodTexts = 25
        /// A quarter is read only from texts shorter than this, in characters: a longer
        /// paragraph mentions quarters in passing.
        static let quarterTextLength = 200
        /// Longest title, in characters.
        static let titleLength = 200
        /// Shortest title, in characters: shorter lines are labels or page furniture.
        static let shortestTitle = 8
        /// Longest title taken from a paragraph that is neither a heading nor bold, in
        /// characters: such a title is one printed line.
        static let plainTitleLength = 120
        /// Characters after `as at` / `as of` in which its date is printed.
        static let asAtReach = 40
        /// Dates a printed period range needs (`April 1st 2012 to June 30th 2012`).
        static let rangeDates = 2
    }

    /// Evidence for the council a paper belongs to (`AuthorityFinder`).
    enum Authority {
        /// Lines at the top of a text without pages that count as its cover.
        static let coverLineLimit = 40
        /// Points for one council-pattern mention (or domain) in the whole-text score.
        static let councilPatternPoints = 3.0
        /// Points for one plain mention of a council's name (a place name counts `placePoints`).
        static let plainPoints = 1.0
        /// Points for one plain mention of a name in `AuthorityFinder.placeNames`.
        static let placePoints = 0.25
        /// Fewest points the best council needs when no council is named on the cover.
        static let minimumScore = 1.0
        /// How far back (UTF-16 units) a council prefix (`London Borough of`) can start.
        static let councilPrefixReach = 40
        /// Fewest letters of a word a council name must share with the text before it is
        /// looked for (`TextWords`): shorter words (`of`, `and`) tell nothing.
        static let shortestWord = 3
    }

    /// Budget lines (`FinanceTableExtractor`).
    enum Finance {
        /// Fewest money columns (`Budget`, `Forecast`, `Variance`…) of a table of budget lines.
        static let moneyColumns = 2
        /// Longest statement heading above a finance table, in characters.
        static let statementLength = 120
        /// Fewest words of a paragraph under a finance table taken as its last line's note:
        /// a note is a sentence, a shorter line is a label or a total.
        static let noteWords = 6
    }

    /// What counts as a printed figure (`CoverageCounter`).
    enum Coverage {
        /// Longest label of a labelled value in running text, in words.
        static let labelWords = 6
        /// Relative difference under which two values are the same figure.
        static let sameValue = 1e-6
        /// Length of a cell that may be a year on its own (`2024`), in bytes.
        static let yearLength = 4
    }

    /// KPI cards (`LabelledCardAssembler`): longer values are prose, not a card.
    enum Card {
        /// Longest value of a figure, status or trend label, in characters.
        static let figureValueLength = 40
        /// Longest title line, in characters.
        static let titleLength = 250
        /// Most words a label may have (`Target 2024/25 end of year`).
        static let labelWords = 6
        /// Longest run of words after a label's first letter when no colon follows it
        /// (`Actual 49`), in characters.
        static let leadingLabelLength = 30
        /// Most lines a title may wrap over.
        static let titleLines = 3
        /// Cells this short beside a title line are specks or misread arrows, not words.
        static let speckLength = 2
        /// Fewest roles a card line labels (`Actual:` and `Target:`): one label is a
        /// sentence with a colon.
        static let cardRoles = 2
        /// Fewest cells of a title line whose last cell is its status word (the title, then
        /// the RAG word at the right margin).
        static let titleWithStatusCells = 2
    }

    /// The shape of an indicator table (`TableShape`).
    enum Shape {
        /// Transposed tables label at least this many rows with an indicator role.
        static let minimumRoleRows = 2
        /// A period grid has at least this many period columns.
        static let minimumPeriodColumns = 2
        /// A transposed table has at least this many header cells: the role column and an indicator.
        static let transposedHeaderCells = 2
    }

    /// A row per indicator and the comments under it (`IndicatorRowsAssembler`).
    enum IndicatorRows {
        /// Blocks after a table within which its comment block must start.
        static let commentBlockReach = 2
        /// Fewest characters of a paragraph that continues the comment above it: shorter
        /// lines are labels or headings.
        static let commentContinuationLength = 40
        /// The heading level the layout gives a long comment paragraph set in larger type.
        static let commentHeadingLevel = 3
        /// A paragraph of `commentHeadingLevel` longer than this, in characters, is a
        /// comment, not a heading.
        static let commentHeadingLength = 120
        /// Points a comment earns with a row when it prints the row's actual figure (a
        /// shared content word earns one).
        static let figureMentionPoints = 3.0
    }

    /// Indicators across, roles down (`TransposedTableAssembler`).
    enum Transposed {
        /// How many blocks after (and before) a table a code legend may sit.
        static let legendReach = 3
    }

    /// Merging readings of one indicator (`RecordReducer`).
    enum Reducer {
        /// Titles at least this similar (token ratio) name the same indicator.
        static let sameTitleSimilarity = 0.9
    }

    /// Per-indicator scorecards (`ScorecardAssembler`, `ScorecardReader`).
    enum Scorecard {
        /// A field line (`Owner: … Polarity: … Unit: …`) is shorter than this, in
        /// characters: a longer line with `owner:` in it is prose.
        static let fieldLineLength = 200
        /// Longest title line without a colon (`NI064 Child protection plans …`), in characters.
        static let titleLineLength = 200
        /// Most words of a section name line above a status heading (`Children's Services`).
        static let sectionNameWords = 8
        /// Longest section name line, in characters.
        static let sectionNameLength = 80
        /// Fewest date columns of a monthly grid's header.
        static let gridDateColumns = 2
    }
}
