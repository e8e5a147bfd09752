import ScrutinyCore

/// The normalise stage: repairs layout quirks in the laid-out text (a quarter glued to
/// its year, words broken by a cell boundary) so extractors see clean text. Figures,
/// dates and vocabularies are parsed by the rule types of this module when extracted.
public struct NormaliseStage: Stage {
    public static let name = "normalise"
    public static let version = 1

    /// Normalise options.
    public struct Options: Codable, Sendable, Hashable {
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ input: LaidOutDocument, context: StageContext) throws -> LaidOutDocument {
        var doc = input
        doc.blocks = input.blocks.map { block in
            switch block {
            case .paragraph(var p):
                p.text = LayoutQuirks.fixGluedQuarterYear(p.text)
                p.lines = p.lines.map(LayoutQuirks.fixGluedQuarterYear)
                return .paragraph(p)
            case .table(var t):
                t.headerRows = t.headerRows.map(Self.joinSplitWords)
                t.rows = t.rows.map { r in var r = r; r.cells = r.cells.map(LayoutQuirks.fixGluedQuarterYear); return r }
                t.caption = t.caption.map(LayoutQuirks.fixGluedQuarterYear)
                return .table(t)
            }
        }
        doc.runningHeaders = input.runningHeaders.map(LayoutQuirks.fixGluedQuarterYear)
        return doc
    }

    /// Header cells broken mid-word by a cell boundary (`Rep | ort`) joined back.
    static func joinSplitWords(_ cells: [String]) -> [String] {
        var out = cells
        var i = 0
        while i + 1 < out.count {
            if let joined = LayoutQuirks.joinSplitWord(out[i], out[i + 1]) {
                out[i] = joined
                out.remove(at: i + 1)
                out.append("")
            } else {
                i += 1
            }
        }
        return out
    }
}
