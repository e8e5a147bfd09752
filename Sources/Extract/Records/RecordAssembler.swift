import Foundation
import ScrutinyCore
import Normalise

/// What every record assembler reads: the laid-out document and its metadata.
struct AssemblyContext: Sendable {
    let doc: LaidOutDocument
    let meta: DocumentRow
    var blocks: [Block] { doc.blocks }
    var docID: String { doc.source.docID }
}

/// Reads indicator records from one shape of report (a row per indicator, a period grid,
/// a transposed table, label:value cards, scorecards). Each assembler keys on the shape
/// and on `RoleLexicon`, never on a council's wording.
protocol RecordAssembler: Sendable {
    /// The shape's name, for debugging and counts.
    var name: String { get }
    func readings(in context: AssemblyContext) -> [IndicatorReading]
}

/// Every record assembler, in the order their readings are merged.
enum RecordAssemblers {
    static let all: [any RecordAssembler] = [
        ScorecardAssembler(),
        IndicatorRowsAssembler(),
        PeriodGridAssembler(),
        TransposedTableAssembler(),
        LabelledCardAssembler(),
    ]

    /// The records of a document: every assembler's readings, merged by `RecordReducer`.
    static func records(in context: AssemblyContext) -> [RecordRow] {
        let readings = all.flatMap { $0.readings(in: context) }
        return RecordReducer.reduce(readings).map { RecordBuilder.record($0, docID: context.docID) }
    }
}

extension TableRow {
    /// The text of cell `i` (nil when out of range or blank).
    func text(_ i: Int?) -> String? {
        guard let i, i < cells.count else { return nil }
        return ExtractText.textOrNil(cells[i])
    }
}

/// An indicator's name as a measure cell prints it: its code (or the code column's) and
/// its cleaned title; nil when no title is left.
func indicatorName(measure: String, codeCell: String?) -> (code: String?, title: String)? {
    var (code, title) = IndicatorCode.split(measure)
    if let c = codeCell { code = c }
    title = LayoutQuirks.cleanTitle(title)
    return title.isEmpty ? nil : (code, title)
}
