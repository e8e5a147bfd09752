import Foundation
import ScrutinyCore
import Normalise

/// Key activities / actions from tables with columns such as Ref, Key Activities, Status,
/// Progress, Lead Officer; status from the symbol or words (★ ahead, ✓ on track, ▲ behind).
public struct ActivityTableExtractor: Sendable {
    public init() {}

    public func extract(_ doc: LaidOutDocument) -> [ActivityRow] {
        var out: [ActivityRow] = []
        for (i, b) in doc.blocks.enumerated() {
            guard case .table(let t) = b else { continue }
            let roles = ColumnRoles(header: t.header)
            guard let ac = roles[.activity], roles[.status] != nil || roles[.progress] != nil || roles[.lead] != nil else { continue }
            let section = t.caption.map(ExtractText.cleanSection) ?? ExtractText.section(before: i, in: doc.blocks)
            for row in t.rows {
                let cells = row.cells
                func cell(_ r: ColumnRole) -> String? {
                    guard let i = roles[r], i < cells.count else { return nil }
                    return ExtractText.textOrNil(cells[i])
                }
                guard ac < cells.count, let title = ExtractText.textOrNil(cells[ac]) else { continue }
                let statusText = cell(.status)
                out.append(ActivityRow(docID: doc.source.docID, page: row.at.page, section: section, ref: cell(.ref),
                                       title: title, status: statusText.flatMap(StatusParser.activityStatus),
                                       statusText: statusText, progress: cell(.progress) ?? cell(.commentary),
                                       lead: cell(.lead)))
            }
        }
        return out
    }
}
