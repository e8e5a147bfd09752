import ScrutinyCore

/// The normalise stage: repairs layout quirks in the laid-out text (a quarter glued to
/// its year, words broken by a cell boundary) so extractors see clean text. Figures,
/// dates and vocabularies are parsed by the rule types of this module when extracted.
public struct NormaliseStage: Stage {
    public static let name = "normalise"
    public static let version = 10

    /// Normalise options.
    public struct Options: Codable, Sendable, Hashable {
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ input: LaidOutDocument, context: StageContext) throws -> LaidOutDocument {
        var doc = input
        if input.method == .ocr || input.method == .mixed { doc = Self.fixOCRConfusions(doc) }
        let input = doc
        doc.blocks = input.blocks.map { block in
            switch block {
            case .paragraph(var p):
                p.lines = p.lines.map { Self.joinSplitWords(inText: LayoutQuirks.fixGluedQuarterYear($0)) }
                p.text = p.lines.joined(separator: " ")
                return .paragraph(p)
            case .table(var t):
                t.headerRows = t.headerRows.map { $0.map(LayoutQuirks.fixGluedQuarterYear) }
                t.rows = t.rows.map { r in var r = r; r.cells = r.cells.map(LayoutQuirks.fixGluedQuarterYear); return r }
                t.caption = t.caption.map(LayoutQuirks.fixGluedQuarterYear)
                return .table(t)
            }
        }
        doc.runningHeaders = input.runningHeaders.map(LayoutQuirks.fixGluedQuarterYear)
        return doc
    }

    /// OCR confusions (`guarter`, `1O5`, `E1.4m`, `12°/o`) repaired in every text of an OCR'd document.
    static func fixOCRConfusions(_ input: LaidOutDocument) -> LaidOutDocument {
        var doc = input
        doc.blocks = input.blocks.map { block in
            switch block {
            case .paragraph(var p):
                p.lines = p.lines.map(OCRConfusions.fix)
                p.text = p.lines.joined(separator: " ")
                return .paragraph(p)
            case .table(var t):
                t.headerRows = t.headerRows.map { $0.map(OCRConfusions.fix) }
                t.rows = t.rows.map { r in var r = r; r.cells = r.cells.map(OCRConfusions.fix); return r }
                t.caption = t.caption.map(OCRConfusions.fix)
                return .table(repairColumns(t))
            }
        }
        doc.runningHeaders = input.runningHeaders.map(OCRConfusions.fix)
        return doc
    }

    /// Column-wide OCR repairs: symbols in status columns, look-alike digits in code columns;
    /// and icon scraps beside figures. Row-wide: decimal points lost from one figure of a row,
    /// lone digits read as look-alike letters.
    static func repairColumns(_ table: Table) -> Table {
        var t = table
        let header = t.header
        let width = t.rows.map(\.cells.count).max() ?? 0
        for c in 0..<width {
            var column = t.rows.map { c < $0.cells.count ? $0.cells[c] : "" }
            if c < header.count, OCRColumnRepairs.isStatusHeader(header[c]) {
                column = OCRColumnRepairs.repairSymbols(column)
            }
            column = OCRColumnRepairs.repairCodes(column).map(OCRColumnRepairs.dropIconDebris)
            for (i, v) in column.enumerated() where c < t.rows[i].cells.count { t.rows[i].cells[c] = v }
        }
        for i in t.rows.indices {
            t.rows[i].cells = OCRColumnRepairs.repairLoneDigits(OCRColumnRepairs.repairLostDecimalPoints(t.rows[i].cells))
        }
        return t
    }

    /// Words broken by a cell boundary and rejoined with a space (`Performance Rep ort`) mended.
    static func joinSplitWords(inText text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i + 1 < words.count {
            if let joined = LayoutQuirks.joinSplitWord(words[i], words[i + 1]), !joined.contains(" ") {
                words[i] = joined
                words.remove(at: i + 1)
            } else {
                i += 1
            }
        }
        return words.joined(separator: " ")
    }
}
