/// Every threshold the layout stage decides by, in one place: a name, a unit and the
/// convention of council papers (or of their PDF text layers and scans) it encodes.
///
/// Units: *points* are PDF points (1/72 inch) of page space; *line heights* are a fraction
/// of the height of the line (or the smaller of two lines) being compared; *count* is a
/// number of lines, cells, words, rules or characters; *share* is a fraction of a whole.
enum LayoutTolerances {
    // MARK: words and segments

    /// Words closer than this many line heights are one segment (an ordinary word space);
    /// a wider gap splits a line into cells. Unit: line heights.
    static let wordSpace = 0.6
    /// Inside one segment, a gap at least this many line heights wide that falls on a
    /// drawn column rule still splits cells (figures set close to the rule). Unit: line heights.
    static let splitGapOnDrawnRule = 0.3
    /// A word or segment crosses a column boundary only when it runs past it by more than
    /// this on both sides (text touching a rule does not span it). Unit: points.
    static let straddleMargin = 1.0
    /// A box's column is looked up this far inside its edge, so that an edge lying exactly
    /// on a boundary does not pick the column beside it. Unit: points.
    static let columnProbeInset = 0.5
    /// `OCRLeadingQuoteIsASpeck`: only words of at least this many characters give the
    /// character width a misread word is measured by. Unit: characters.
    static let minimumWordLengthForCharWidth = 3
    /// The word height assumed for a line rebuilt from words that have no boxes. Unit: points.
    static let fallbackWordHeight = 10.0

    // MARK: line spacing

    /// Lines of one paragraph, one wrapped cell or one multi-line header are set closer than
    /// this many line heights apart; a wider gap is a row or paragraph break. Unit: line heights.
    static let lineSpacing = 0.8
    /// Text wrapped on to the next line inside one cell or heading is set closer than this
    /// many line heights below the line above. Unit: line heights.
    static let wrappedLineSpacing = 0.6
    /// `OutdentedLineStartsARow`: a first-column line starting this many line heights left of
    /// the line above is a new row, not wrapped text. Unit: line heights.
    static let outdentMinLineHeights = 0.5
    /// After two lines of a paragraph, the next is a new paragraph when the gap above it
    /// exceeds the paragraph's own line spacing by more than this. Unit: line heights.
    static let paragraphSpacingExcess = 0.4
    /// Rows of wrapped prose are set apart: some gap exceeds the region's usual line gap by
    /// more than this. Unit: line heights.
    static let rowSpacingExcess = 0.3
    /// A line wraps the row above when the gap above it exceeds the region's usual line gap
    /// by at most this. Unit: line heights.
    static let wrapSpacingExcess = 0.2

    // MARK: rules and ruled grids

    /// A drawn stroke is a rule when it is at least this many times longer than it is
    /// thick. Unit: ratio of length to thickness.
    static let ruleMinAspect = 3.0
    /// A rule is at most this thick (a filled box is shading, not a rule). Unit: points.
    static let ruleMaxThickness = 4.0
    /// `BlankBarIsARule`: a wordless horizontal bar up to this thick still separates rows.
    /// Unit: points.
    static let barMaxThickness = 8.0
    /// Two rules touch (belong to one grid) when within this of each other. Unit: points.
    static let ruleTouchTolerance = 2.5
    /// Rule positions within this of each other are one rule line. Unit: points.
    static let ruleClusterTolerance = 2.5
    /// A grid needs at least this many horizontal and this many vertical rules. Unit: count.
    static let gridMinRules = 2
    /// A grid is wider than this (smaller groups of rules are boxes or ticks). Unit: points.
    static let gridMinWidth = 30.0
    /// A grid is taller than this (one line of text needs more). Unit: points.
    static let gridMinHeight = 12.0
    /// Column rules closer than this to a grid's left or right edge are its frame. Unit: points.
    static let gridFrameColumnInset = 3.0
    /// Row rules closer than this to a grid's top or bottom edge are its frame. Unit: points.
    static let gridFrameRowInset = 2.0
    /// Rule pieces within this of a column rule's x are pieces of that rule. Unit: points.
    static let columnRuleXTolerance = 2.0
    /// A column rule covers the heights it is drawn at, widened by this much above and
    /// below (a rule stops short of the row rule it meets). Unit: points.
    static let columnRuleReach = 3.0
    /// A line is inside a grid when its middle lies within this of the grid's box. Unit: points.
    static let gridEdgeSlack = 2.0
    /// A vertical rule cuts a word when the word runs past it by more than this on each
    /// side. Unit: points.
    static let ruleCutMargin = 0.3
    /// A rule cut by a word loses this much beyond the word's top and bottom. Unit: points.
    static let ruleCutPadding = 0.5
    /// A rule piece shorter than this, left between words, is dropped. Unit: points.
    static let rulePieceMinLength = 2.0
    /// On a scan, the pieces of a column rule at one x add up to at least this (specks and
    /// tick marks read as strokes are shorter). Unit: points.
    static let scanColumnRuleMinLength = 18.0
    /// A row rule runs between lines: one this far inside a line's box from its top and
    /// bottom runs through its text (dense ink read as a rule). Unit: points.
    static let rowRuleTextInset = 2.0
    /// A horizontal rule splits an unruled table's row bands when at least this share of
    /// the table's width long (a short underline does not). Unit: share.
    static let bandRuleMinWidthShare = 0.5
    /// Alignment boundaries are added to a ruled grid only when it has at least this many
    /// lines. Unit: count.
    static let gridAlignmentMinLines = 3
    /// A grid's column rules are "drawn over the body" when beside at least this share of
    /// its lines; otherwise they are header-only and alignment gives the body's columns.
    static let ruledBodyShare = Share(1, of: 2)
    /// A drawn column is split at an alignment gap when at least this many of its lines
    /// hold words on both sides of the gap. Unit: count.
    static let splitColumnMinLines = 2
    /// … and those lines are at least this share of the lines with words in the column.
    static let splitColumnShare = Share(1, of: 2)

    // MARK: row bands in ruled grids

    /// A ruled grid is dense (a cell grid: one line per band) when it has at least this many
    /// bands holding lines. Unit: count.
    static let denseGridMinBands = 2
    /// … and at least this share of those bands hold a single line. Unit: share.
    static let denseGridSingleLineShare = 0.5
    /// In a dense grid, a band of at most this many lines is one row (a cell wrapped on a
    /// few lines). Unit: count.
    static let denseBandMaxLines = 8
    /// In a sparse grid, a band without figures of at most this many lines is one row.
    /// Unit: count.
    static let sparseBandMaxLines = 6
    /// `CentredCellsShareARow`: a line overlapping the row's last line by at least this share
    /// of the smaller line height is in that row. Unit: share.
    static let rowOverlapShare = 0.25
    /// A ruled grid's first band is a label band (its header) when it holds at least this
    /// many lines of labels. Unit: count.
    static let labelBandMinLines = 2

    // MARK: table headers inside a region

    /// At most this many caption lines (a lone label in the first column, such as
    /// `Targets`) stand above a region's header. Unit: count.
    static let maxCaptionLinesAboveHeader = 2
    /// A header printed on at least this many lines is joined into one row. Unit: count.
    static let multiLineHeaderMinLines = 2
    /// A header line labels at least this many cells. Unit: count.
    static let headerLineMinCells = 2
    /// A label line of a header that is not bold holds no cell longer than this (a longer
    /// cell is a row's text). Unit: characters.
    static let headerLabelMaxLength = 30
    /// A group label spans labels of at least this many columns below it. Unit: count.
    static let groupLabelMinColumns = 2
    /// `CentredRowIsComplete`: the line of a row's centred figures holds at least this many
    /// figures and nothing else (a header label holding a number is no such line). Unit: count.
    static let centredRowMinFigures = 2
    /// `StubLabelOverGroupedHeader`: a group label and the labels under it are at most this
    /// long (a question such as `How often have you taken medicine or tablets?` heads a
    /// group; a wrapped table title runs longer). Unit: characters.
    static let groupLabelMaxLength = 60
    /// `SpannerRuleUnderGroupLabel`: a short rule lies under a group label when its top is
    /// at most this many label heights below the label's foot. Unit: line heights.
    static let spannerRuleMaxGap = 0.8
    /// ... and it runs under at least this share of the label's width. Unit: share.
    static let spannerRuleMinCover = 0.8
    /// `SpannerRuleSpacesTheHeader`: the labels under a group label's spanner rule are set up
    /// to this many line heights below the group label (the rule takes a line's spacing of
    /// its own between them). Unit: line heights.
    static let spannerRuleLineSpacing = 1.6
    /// A spanner rule is shorter than this share of the table's width (a longer one closes
    /// the header across the table). Unit: share.
    static let spannerRuleMaxWidthShare = 0.9
    /// The labels under a group label that open a table run to at most this many lines
    /// (the window looked at to tell that a table opens with group labels). Unit: count.
    static let groupLabelLinesBelow = 4
    /// A single header line must label at least this many columns to start the body below
    /// it (`RowUnderColumnLabels`). Unit: count.
    static let minimumHeaderLabels = 3
    /// A row's name has at least this many letters (a word, not a speck or a code). Unit: count.
    static let minimumRowNameLetters = 4

    // MARK: unruled tables by alignment

    /// A table line has at least this many segments. Unit: count.
    static let tableLineMinSegments = 2
    /// A table is at least this many table lines. Unit: count.
    static let tableMinLines = 2
    /// A gap wider than this many line heights ends a table. Unit: line heights.
    static let tableBreakGap = 2.5
    /// The line height below which lines are measured as this tall (tiny text and
    /// punctuation-only lines). Unit: points.
    static let minimumLineHeight = 4.0
    /// At most this many single-segment lines, wherever set, bridge two table lines;
    /// more must each be at line spacing. Unit: count.
    static let bridgeLooseLines = 2
    /// At most this many single-segment lines bridge two table lines at all. Unit: count.
    static let bridgeMaxLines = 40
    /// `TextColumnsAreNoTableRows`: a block of at least this many table lines has set its
    /// column gaps firmly enough to end at a line that bridges them. Unit: count.
    static let columnChangeMinRows = 3
    /// … a line ends the block when its segments each run across this many of the block's
    /// column gaps in all (page text set in two columns under a table). Unit: count.
    static let columnChangeMinGapsBridged = 2
    /// … and only segments of running text count: at least this many words. Unit: count.
    static let textColumnMinWords = 4
    /// A heading at this level or above ends a table. Unit: heading level.
    static let tableEndingHeadingLevel = 2
    /// … when it has at least this many letters (not a stray symbol). Unit: count.
    static let tableEndingHeadingMinLetters = 4
    /// A row label alone below a block joins it when set at most this much further below
    /// than the block's widest row gap. Unit: points.
    static let loneRowLabelSlack = 0.5
    /// Column boundaries are looked for only across blocks wider than this. Unit: points.
    static let alignmentMinWidth = 4.0
    /// A blank run must be at least this wide to be a column boundary. Unit: points.
    static let alignmentMinGap = 2
    /// Blocks of at most this many lines allow no line to cross a column gap. Unit: count.
    static let strictAlignmentMaxLines = 3
    /// Larger blocks allow one line crossing a column gap per this many lines (a title or
    /// a note running across). Unit: count.
    static let linesPerCrossingLine = 10
    /// A label set wholly inside a column gap stands at least this far right of the gap's
    /// start to head the column on its right. Unit: points.
    static let floatingLabelMinInset = 1.0
    /// Clear space right of a label in a gap that makes it head an empty column. Unit: points.
    static let emptyColumnGap = 20.0
    /// A row of token labels (dates, years) is split into one column per label when it has
    /// at least this many labels. Unit: count.
    static let tokenHeaderMinLabels = 3
    /// A word of another line crosses the gap between two token labels when it reaches
    /// this far into the gap. Unit: points.
    static let tokenGapCrossMargin = 0.5
    /// Two token labels are separate only with at least this much space between. Unit: points.
    static let tokenLabelMinGap = 1.0

    // MARK: prose and lists among tables

    /// A line of prose has at least this many words. Unit: count.
    static let proseLineMinWords = 8
    /// Lines of one paragraph are set closer than this many line heights apart. Unit: line heights.
    static let proseLineSpacing = 0.8
    /// A list item is a bullet and its text: this many segments. Unit: count.
    static let listItemSegments = 2
    /// A list item's text runs to at least this many letters (a sentence, not a cell). Unit: count.
    static let listItemMinLetters = 12

    // MARK: notes under tables

    /// Only tables of at least this many rows have notes split off. Unit: count.
    static let notesMinTableRows = 4
    /// Notes leave at least this many rows in the table. Unit: count.
    static let notesMinKeptRows = 3
    /// A note is set apart by more than the table's median row gap plus this. Unit: line heights.
    static let noteGapExcess = 0.5
    /// A note's text runs past a column boundary by more than this. Unit: points.
    static let noteOverrunMargin = 2.0
    /// The text height assumed for a note row without word boxes. Unit: points.
    static let fallbackNoteHeight = 7.0

    // MARK: running headers and footers

    /// The share of the page height searched at the top and at the bottom. Unit: share.
    static let runningBand = 0.12
    /// A running line's distance from its page edge is compared in steps of this. Unit: points.
    static let runningLineStep = 12.0
    /// A line is running when it recurs on at least this many pages … Unit: count.
    static let runningMinPages = 2
    /// … and on at least this share of the pages with geometry. Unit: share.
    static let runningPageShare = 0.5
    /// A running line is kept when a kept line starts within this many line heights below
    /// it (a table header repeated on each page). Unit: line heights.
    static let runningKeepReach = 0.5
    /// … or within this many for a short label (`£m` over the figures). Unit: line heights.
    static let shortLabelKeepReach = 2.5
    /// A short label is at most this many characters. Unit: characters.
    static let shortLabelMaxLength = 12
    /// A line below starts below when its top is more than this many line heights below
    /// the running line's top. Unit: line heights.
    static let belowLineOffset = 0.5
    /// A running line of at least this many cells over a table row is a header row. Unit: count.
    static let headerOverRowMinCells = 2
    /// A header of at least this many cells (page furniture has fewer) may stand over any
    /// of the next few lines. Unit: count.
    static let wideHeaderMinCells = 3
    /// … over one of this many lines below it. Unit: count.
    static let wideHeaderLookahead = 4
    /// … within this many line heights. Unit: line heights.
    static let wideHeaderReach = 4.0
    /// A narrow header stands within this many line heights of the row below. Unit: line heights.
    static let narrowHeaderReach = 1.5
    /// Header cells overlap or align with the cells below within this. Unit: points.
    static let headerCellAlignment = 3.0

    // MARK: header rows, captions and labels (table rows as strings)

    /// At most this many lines of caption stand between a table's first row and its header.
    /// Unit: count.
    static let maxCaptionRowsBeforeHeader = 3
    /// `NestedGroupHeader`: a header has at most this many levels of labels. Unit: rows.
    static let maxHeaderLevels = 4
    /// `NestedGroupHeader` takes headers of at least this many levels (two levels are
    /// `StubLabelOverGroupedHeader`'s). Unit: rows.
    static let nestedHeaderMinLevels = 3
    /// A caption row fills at most this many cells. Unit: count.
    static let captionRowMaxCells = 2
    /// A date range cell (`01/04/2012 to 30/06/2012` after a short label) is at most this
    /// long. Unit: characters.
    static let dateRangeMaxLength = 50
    /// A column label is at most this long. Unit: characters.
    static let labelMaxLength = 80
    /// A row reads as column labels when at least this share of its cells are labels. Unit: share.
    static let headerLabelShare = 0.6
    /// A row with a blank corner over labelled rows fills at least this many cells. Unit: count.
    static let cornerHeaderMinCells = 2
    // A figure cell's longest length is `SingleFigureScanner.maximumLength` (ScrutinyCore),
    // which owns the figure grammar.
    /// A repeated heading (page furniture in a text export) is at most this long. Unit: characters.
    static let repeatedHeadingMaxLength = 120

    // MARK: assembling blocks

    /// A note line (and the lone-label note rows above it) has at least this many words. Unit: count.
    static let noteRowMinWords = 6
    /// A heading that wraps is at least this long. Unit: characters.
    static let wrappingHeadingMinLength = 50
    /// A heading's wrapped line starts within this many line heights of its left edge.
    /// Unit: line heights.
    static let wrappedHeadingIndent = 2.0
    /// The paragraph's own line spacing is measured once it has at least this many lines.
    /// Unit: count.
    static let measuredParagraphLines = 2
    /// A table of fewer rows than this may be icon fragments. Unit: count.
    static let iconTableMaxRows = 3
    /// An icon fragment's cells are at most this long. Unit: characters.
    static let iconCellMaxLength = 4
    /// Caption lines are kept one by one when there are at least this many. Unit: count.
    static let captionLinesKept = 2
    /// A heading between two parts of a split table is at most this long. Unit: characters.
    static let splitTableHeadingMaxLength = 80
    /// OCR reads two header cells alike when their similarity is at least this. Unit: ratio.
    static let ocrCellSimilarity = 0.7
    /// OCR reads a repeated header alike when at least this share of its cells are alike.
    static let ocrHeaderAlikeShare = Share(4, of: 5)
    /// A header word opens a row's cell when similar at least this much. Unit: ratio.
    static let headerWordSimilarity = 0.75
    /// A repeated header is stripped from a row when at least this many cells open with it …
    static let strippedHeaderMinCells = 2
    /// … and those are at least this share of the header's filled cells.
    static let strippedHeaderShare = Share(2, of: 3)
    /// Prose cut into cells by OCR: each cell a run of at least this many words. Unit: count.
    static let proseCellMinWords = 3
    /// A cell of at most this many characters can be an OCR speck. Unit: characters.
    static let speckMaxLength = 2

    /// A share of a whole as a ratio of two counts, compared in whole numbers (no rounding).
    /// `TwoFiguresInOneCellAreTwoColumns`: a table needs at least this many body rows to show
    /// which of its columns hold figures. Unit: count.
    static let figurePairMinRows = 3
    /// … and a column holds figures when at least this share of its body cells are figures.
    static let figureColumnShare = Share(1, of: 2)

    struct Share {
        var numerator: Int
        var denominator: Int
        init(_ numerator: Int, of denominator: Int) {
            self.numerator = numerator
            self.denominator = denominator
        }
        /// Whether `part` is at least this share of `whole`.
        func admits(_ part: Int, of whole: Int) -> Bool { part * denominator >= whole * numerator }
    }
}
