/// Every threshold of reading a PDF's text layer, with its unit and the convention of the
/// papers it encodes. Heights are the taller of two neighbouring characters' (`h`).
enum PDFTextTolerances {
    /// A page whose largest image covers at least this share of it is a scan with an image
    /// (its text layer, if any, is OCR'd or empty). Unit: share of the page area.
    static let embeddedScanMinCover = 0.85
    /// A text layer where more than this share of visible glyphs have no Unicode (a font
    /// without a ToUnicode map) is unreadable and the page goes to OCR. Unit: share.
    static let unmappedGlyphMaxShare = 0.5
    /// Text direction is judged from at least this many character steps. Unit: steps.
    static let rotationMinSteps = 20
    /// A page turns when more than this share of the steps go down (or up). Unit: share.
    static let rotationMajority = 0.6
    /// A gap wider than this between characters ends a word (table cells set close together
    /// do not glue). Unit: character heights.
    static let wordGap = 0.25
    /// A character further left than this behind the previous one starts a new word (the
    /// text went back: another column or line). Unit: character heights.
    static let wordBackStep = 0.5
    /// Characters overlapping vertically by less than this are on different lines. Unit: share.
    static let wordMinVerticalOverlap = 0.4
}
