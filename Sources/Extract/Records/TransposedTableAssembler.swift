import Foundation
import ScrutinyCore
import Normalise

/// Indicators across, roles down: a header of indicator names or codes (`PI-01 | PI-02 …`)
/// over rows labelled `Latest`, `Target 19/20`, `Floor standard`, `Previous`, `RAG rating`,
/// `DoT`. One reading per indicator column, for the report's own period. Where the header
/// prints codes only, the titles come from a legend printed next to the table
/// (`- PI-01: Number of early help assessments initiated`).
struct TransposedTableAssembler: RecordAssembler {
    var name: String { "transposed table" }

    /// How far from a table its code legend may sit.
    typealias Limits = ExtractTolerances.Transposed

    func readings(in context: AssemblyContext) -> [IndicatorReading] {
        var out: [IndicatorReading] = []
        let blocks = context.blocks
        for (bi, block) in blocks.enumerated() {
            guard case .table(let table) = block,
                  case .transposed(let rowRoles) = TableShape.of(table, financialYear: context.meta.financialYear)
            else { continue }
            let section = ExtractText.captionLabel(table) ?? ExtractText.section(before: bi, in: blocks)
            let legend = Self.legend(near: bi, in: blocks)
            let header = table.header
            let periodEnd = rowRoles.first(where: { $0.value == .actual })
                .flatMap { table.rows[$0.key].cells.first }
                .flatMap { label -> String? in
                    guard let q = PeriodParser.quarter(in: label),
                          let fy = PeriodParser.financialYear(in: label) ?? context.meta.financialYear else { return nil }
                    return PeriodParser.quarterEnd(financialYear: fy, quarter: q)
                } ?? context.meta.asAt
            for j in 1..<header.count {
                guard let name = ExtractText.textOrNil(header[j]) else { continue }
                var (code, title) = IndicatorCode.split(name)
                if code == nil, let t = legend[IndicatorCode.normalise(name)] { code = name; title = t }
                title = LayoutQuirks.cleanTitle(title)
                guard !title.isEmpty else { continue }
                let anchor = rowRoles.keys.min().map { table.rows[$0].at } ?? table.at
                var r = IndicatorReading(title: title, code: code, section: section, periodEnd: periodEnd, at: anchor)
                for (i, role) in rowRoles {
                    let cells = table.rows[i].cells
                    if j < cells.count { r[role] = cells[j] }
                    if role == .actual { r.confidence = table.rows[i].confidence }
                }
                out.append(r)
            }
        }
        return out
    }

    /// Codes and titles listed beside a table (`- PI-01: Title`, `PI-01 – Title`), keyed by code.
    static func legend(near index: Int, in blocks: [Block]) -> [String: String] {
        var out: [String: String] = [:]
        let range = max(0, index - Limits.legendReach)...min(blocks.count - 1, index + Limits.legendReach)
        for k in range where k != index {
            guard case .paragraph(let p) = blocks[k] else { continue }
            for line in p.lines {
                let t = line.trimmingWhitespace().replacing(listBullet, with: "")
                guard let m = t.wholeMatch(of: IndicatorCode.withSeparator) else { continue }
                let code = IndicatorCode.normalise(String(m.output.code))
                if out[code] == nil { out[code] = String(m.output.rest) }
            }
        }
        return out
    }

    nonisolated(unsafe) static let listBullet = /^[-–•*·]\s+/
}
