/// Every threshold of line building, with its unit and the convention of council papers it
/// encodes. Heights are the line's median word height (`h`); sizes are relative to the
/// page's body type size.
public enum PageGeometryTolerances {
    /// Words further apart than this are in different cells: a table's columns are set wider
    /// apart than a word space. Unit: line heights.
    public static let cellGap = 0.6
    /// A single-cell line of at most this many characters can be a heading (longer ones are
    /// prose, whatever their size). Unit: characters.
    public static let headingMaxCharacters = 150
    /// Type this many times the body size is a heading of level 1, 2, 3. Unit: ratio.
    public static let headingLevel1 = 1.6, headingLevel2 = 1.3, headingLevel3 = 1.12
    /// A line is bold when at least this share of its characters are. Unit: fifths.
    public static let boldFifths = 4
    /// Two boxes overlapping across by more than this share of the narrower's width but by
    /// less than this share of the shorter's height vertically are stacked (two lines of a
    /// header cell), not one line. Unit: share.
    public static let stackedAcross = 0.5, stackedVerticalOverlap = 0.5
    /// The body type size of a page whose words carry no size. Unit: points.
    public static let fallbackBodySize = 10.0
    /// `insideFill`: a dark run with ink on both sides along at least this share of its
    /// length is the edge of a filled area (a shaded header), not a drawn rule. Unit: share.
    public static let fillSideShare = 0.5
    /// Runs on consecutive pixel lines whose ends are at most this far apart belong to one
    /// stroke (a rule drawn a pixel or two thick, anti-aliased). Unit: pixels.
    public static let runAlignmentPixels = 2
}
