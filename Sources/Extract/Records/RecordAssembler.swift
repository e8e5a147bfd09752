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
