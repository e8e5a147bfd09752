import ScrutinyCore

/// Layout work that needs word boxes (PDF and OCR pages): running headers and footers,
/// table regions found from rules and column alignment, rows with multi-line cells.
public enum GeometricLayout {
    /// Takes running headers/footers out of the pages and rewrites every table region's
    /// lines as one `TextLine` per table row, with `cells` per column and `tableRegion` set.
    /// Pages without geometry are returned unchanged.
    public static func prepare(_ pages: [PageText]) -> (pages: [PageText], runningHeaders: [String]) {
        let (stripped, headers) = RunningHeaderFinder.strip(pages)
        let laid = stripped.map { p in p.width == nil || p.needsOCR ? p : TableFinder.layout(p) }
        return (laid, headers)
    }
}
