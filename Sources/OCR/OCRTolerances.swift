/// Every threshold of the OCR stage's page reading, with its unit and the convention of
/// scanned council papers it encodes. Sizes are in ems of the line's type (`em`) unless
/// a unit says otherwise.
enum OCRTolerances {
    // MARK: Type boxes (OCRPageReader.typeBoxes)

    /// A word's box is its ink plus about a pixel of anti-aliasing on each side. Unit: pixels.
    static let inkMarginPixels = 2.0
    /// A word whose own type size is under this share of the line's is a speck (a dot of dirt
    /// read as a letter), dropped. Unit: em.
    static let speckMaxSize = 0.3
    /// …and under this share when read with confidence below `speckMinConfidence`. Unit: em.
    static let doubtfulSpeckMaxSize = 0.5
    /// Tesseract's word confidence below which a half-size word is a speck. Unit: percent.
    static let speckMinConfidence = 40.0
    /// A word whose size lies outside this band of the line's keeps its own box (a joined
    /// speck, a large initial). Unit: em.
    static let sameTypeMinSize = 0.7, sameTypeMaxSize = 1.4
    /// Punctuation whose box lies within this band about the line's baseline (from ascender
    /// height above to descender depth below) takes the line's baseline. Unit: em.
    static let punctuationAboveBaseline = 1.1, punctuationBelowBaseline = 0.4
    /// The narrowest a letter can be: a narrower box (tesseract boxing part of a lone `a`) is
    /// widened about its middle. Unit: em per character.
    static let minimumLetterWidth = 0.3
    /// A type box spans this far above and below the baseline (ascender and descender of
    /// the type's em square). Unit: em.
    static let ascent = 0.77, descent = 0.23
    /// Font sizes are rounded to steps of 1 / this. Unit: steps per point.
    static let fontSizeStepsPerPoint = 2.0

    // MARK: Specks and rules

    /// A line's word sized under 1 / this of the page's median type size is a speck. Unit: ratio.
    static let speckSizeDivisor = 3.0
    /// A line with fewer letters than this is no heading, whatever its size. Unit: letters.
    static let headingMinLetters = 3
    /// Ruling lines erased before OCR are at most this thick and at least this long; shorter
    /// runs may be the stems of large letters (a 16 pt `l` stands 12 pt). Unit: points.
    static let erasedRuleMaxThickness = 2.0, erasedRuleMinLength = 24.0

    // MARK: Deskew (Deskew.estimateAngle)

    /// A page with fewer sampled ink points than this is blank: no skew to measure. Unit: points sampled.
    static let deskewMinInkPoints = 50
    /// A pixel darker than this is ink. Unit: grey level (0 black – 255 white).
    static let inkLevel: UInt8 = 128
    /// A page with more than this share of its samples dark is inverted or a photo: its row
    /// profile says nothing of skew. Unit: share.
    static let darkPageShare = 0.5

    // MARK: Second look at doubtful figures (OCRPageReader.doubtfulFigureLook)

    /// A word holding a digit that tesseract read with less confidence than this is read
    /// again on its own. Unit: percent.
    static let doubtfulFigureConfidence = 50.0
    /// Words lower than this are specks, not worth a second look. Unit: points.
    static let secondLookMinHeight = 4.0
    /// The margin cut out around a word read again, as a share of its box's height: room for
    /// the ink tesseract's box left out, short of the neighbouring word. Unit: box heights.
    static let secondLookMargin = 0.3
    /// `RunTogetherWordIsReadAgain`: words of fewer characters than this are not read again
    /// (two words run together make a long one). Unit: characters.
    static let runTogetherMinLength = 6

    // MARK: Arrow glyphs (ArrowGlyphFinder)

    /// An arrow's long side is at least this and at most this many times the page's median
    /// word height. Unit: word heights.
    static let arrowMinSize = 0.6, arrowMaxSize = 2.0
    /// Ink this close to a word's box belongs to the word. Unit: pixels.
    static let arrowWordMargin = 1
    /// An arrow's shaft is at most this share of its widest extent across, and runs at least
    /// this share of its length. Unit: share.
    static let arrowShaftWidth = 0.45, arrowShaftShare = 0.35
    /// An arrow's tip, its last step along, is at most this share of its widest extent. Unit: share.
    static let arrowTipWidth = 0.5
    /// The confidence given to an arrow read from its shape. Unit: percent.
    static let arrowConfidence = 50.0
    /// A word of at most this many characters read with less confidence than this may be an
    /// arrow tesseract could not read. Unit: characters; percent.
    static let arrowMisreadMaxLength = 2, arrowMisreadConfidence = 60.0
    /// An arrow is at least this long and this wide. Unit: pixels.
    static let arrowMinPixels = 5
    /// An arrow's head reaches at least this share of its width beyond the shaft's middle on
    /// each side. Unit: share.
    static let arrowHeadReach = 0.25
}
