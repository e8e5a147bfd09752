/// Every threshold of the Normalise stage, with its unit and the convention of council
/// papers it encodes. Rules read them from here; nothing else in Normalise holds a number
/// that decides a reading.
public enum NormaliseTolerances {
    // MARK: Dates

    /// A two-digit year below this is 20yy, at or above it 19yy (`30/04/12` is 2012; archives
    /// reach back to the 1970s at most). Unit: year within a century.
    public static let twoDigitYearPivot = 70

    // MARK: OCR repairs of a row or column of figures (OCRColumnRepairs)

    /// A lost decimal point is put back only when at least this many other figures in the
    /// row show the decimals it lost. Unit: cells.
    static let lostPointMinPeers = 2
    /// The bare integer must be more than this many times the row's largest decimal figure
    /// (a real jump in a monthly series is smaller). Unit: ratio.
    static let lostPointMinMagnitude = 5.0
    /// With its point back, the figure must lie within the row's range widened by these
    /// factors (a quarter either way). Unit: ratio.
    static let lostPointRangeLow = 0.75, lostPointRangeHigh = 1.25
    /// A row is mended for digits read as letters only when it has at least this many cells
    /// (a label and three figures). Unit: cells.
    static let loneDigitsMinCells = 4
    /// …and at least this many bare figures, and this many figures per look-alike letter.
    /// Unit: cells.
    static let loneDigitsMinFigures = 2, loneDigitsFiguresPerLetter = 2
    /// A code column is mended only when it has at least this many codes. Unit: cells.
    static let codeColumnMinCells = 2
    /// A cell longer than this is text, not a figure with an icon's scrap. Unit: characters.
    static let iconDebrisMaxLength = 30
}
