import Foundation
import ScrutinyCore
import Normalise

/// Budget lines from finance tables: columns such as Gross Budget, Net Budget, Variance,
/// Forecast, Actuals; figures scaled to pounds by the table's `'000` / `£000` marker (or,
/// where a table prints none, by its sibling statements'); a narrative row under a line
/// becomes that line's note.
public struct FinanceTableExtractor: Sendable {
    typealias Limits = ExtractTolerances.Finance

    public init() {}

    static let moneyHeader = #"(?i)budget|forecast|variance|outturn|actuals?\b|spend|expenditure|income|£|'000"#

    /// A table of budget lines: two or more money columns, no measure or activity column,
    /// and not indicators across with their figures labelled down the side (`Current`,
    /// `Target`, `Last quarter` under `Agency staff spend`).
    public static func isFinanceTable(_ t: Table) -> Bool {
        let moneyColumns = t.header.dropFirst().filter { $0.matches(pattern: moneyHeader) }
        guard moneyColumns.count >= Limits.moneyColumns else { return false }
        let roles = ColumnRoles(header: t.header)
        return roles[.activity] == nil && roles[.measure] == nil
            && TableShape.transposedRowRoles(t, headerPeriods: roles.periods.count) == nil
    }

    public func extract(_ doc: LaidOutDocument) -> [FinanceRow] {
        let blocks = doc.blocks
        var candidates: [(Int, Table)] = []
        for (i, b) in blocks.enumerated() {
            guard case .table(let t) = b else { continue }
            if Self.isFinanceTable(t) { candidates.append((i, t)) }
        }
        let siblingScale = candidates.lazy.compactMap { $0.1.header.lazy.compactMap(MoneyScale.scale(forHeader:)).first }.first
        var out: [FinanceRow] = []
        for (i, t) in candidates {
            let statement = ExtractText.section(before: i, in: blocks, maxLength: Limits.statementLength) ?? t.caption ?? "Finance"
            let scale = t.header.lazy.compactMap(MoneyScale.scale(forHeader:)).first ?? siblingScale ?? 1
            let keys = t.header.map(Self.cleanKey)
            for row in t.rows {
                let cells = row.cells
                guard let label = cells.first.flatMap({ ExtractText.textOrNil($0) }) else { continue }
                let rest = cells.dropFirst()
                if rest.allSatisfy({ $0.isEmpty }) {
                    // a narrative row: the note of the line above
                    if var last = out.last, last.docID == doc.source.docID, last.statement == statement, last.note == nil {
                        last.note = label
                        out[out.count - 1] = last
                    }
                    continue
                }
                var values: [(String, Double?)] = []
                for c in 1..<min(cells.count, keys.count) where !keys[c].isEmpty {
                    let v = FigureParser.parse(cells[c], scale: scale, moneyContext: true)?.value
                    values.append((keys[c], v))
                }
                guard values.contains(where: { $0.1 != nil }) else { continue }
                out.append(FinanceRow(docID: doc.source.docID, page: row.at.page, statement: statement, line: label,
                                      values: OrderedFigures(values), note: nil))
            }
            // The note of the table's last line can fall out of the table as a paragraph of its
            // own; take it when the table's other lines carry notes and it reads as prose.
            if i + 1 < blocks.count, case .paragraph(let p) = blocks[i + 1], p.headingLevel == nil, !p.bold,
               var last = out.last, last.statement == statement, last.note == nil,
               out.contains(where: { $0.statement == statement && $0.note != nil }),
               p.text.split(separator: " ").count >= Limits.noteWords, FigureParser.parse(p.text) == nil {
                last.note = TextCleaner.collapseWhitespace(p.text)
                out[out.count - 1] = last
            }
        }
        return out
    }

    /// A column label without its scale marker (`Gross Budget '000` → `Gross Budget`,
    /// `£m Forecast` → `Forecast`).
    static func cleanKey(_ s: String) -> String {
        TextCleaner.collapseWhitespace(s.replacing(rxMoneyScaleMarker, with: " "))
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A column label's scale marker: `'000`, `(£000s)`, `(£k)`, `£m`.
nonisolated(unsafe) private let rxMoneyScaleMarker = /(?i)\(?\s*£?\s*'?000s?'?\s*\)?|\(\s*£\s*[km]\s*\)|£\s?[km]\b/
