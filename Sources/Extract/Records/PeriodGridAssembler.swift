import Foundation
import ScrutinyCore
import Normalise

/// Indicators down, periods across (`Measure | Jul-24 | Aug-24 | Sep-24 | Target | RAG | DoT`,
/// or `Q1 | Q2 | Q3`, or financial years): one reading per indicator and period cell that
/// holds a figure, its period's last day as `period_end`, the target (and floor) repeated on
/// each, and the status, trend and commentary on the latest period with a figure only,
/// since that is the period they rate. A blank or `n/a` cell gives no reading.
struct PeriodGridAssembler: RecordAssembler {
    var name: String { "period grid" }

    /// Roles whose cell is repeated on every period's reading.
    static let repeatedRoles: [Role] = [.target, .floor, .unit, .polarity, .owner]
    /// Roles whose cell goes on the latest period's reading only.
    static let latestOnlyRoles: [Role] = [.status, .trend, .commentary, .similarAuthorities, .national]

    func readings(in context: AssemblyContext) -> [IndicatorReading] {
        var out: [IndicatorReading] = []
        for (bi, block) in context.blocks.enumerated() {
            guard case .table(let table) = block,
                  case .periodGrid(let roles, let mc) = TableShape.of(table, financialYear: context.meta.financialYear)
            else { continue }
            let section = ExtractText.captionLabel(table) ?? ExtractText.section(before: bi, in: context.blocks)
            for row in table.rows {
                let cell = row.text
                guard let measure = cell(mc),
                      let (code, title) = indicatorName(measure: measure, codeCell: cell(roles[.code])) else { continue }
                let filled = roles.periods.filter { cell($0.column).map(RecordBuilder.isFigure) ?? false }
                for (k, period) in filled.enumerated() {
                    var r = IndicatorReading(title: title, code: code, section: section, periodEnd: period.end, at: row.at)
                    r.confidence = row.confidence
                    r[.actual] = cell(period.column)
                    for role in Self.repeatedRoles { r[role] = cell(roles[role]) }
                    if k == filled.count - 1 {
                        for role in Self.latestOnlyRoles { r[role] = cell(roles[role]) }
                    }
                    out.append(r)
                }
            }
        }
        return out
    }
}
