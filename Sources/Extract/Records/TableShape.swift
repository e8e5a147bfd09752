import Foundation
import ScrutinyCore
import Normalise

/// The shape of an indicator table, decided once per table so that exactly one assembler
/// reads it. Decided from the header's roles (`RoleLexicon`), its period columns and the
/// labels down the first column, never from a council's wording.
enum TableShape {
    /// A row per indicator: a measure column and figure columns (Actual, Target…).
    case indicatorRows(ColumnRoles, measureColumn: Int)
    /// A row per indicator with a column per period (`Jul-24 | Aug-24 | Sep-24 | Target`).
    case periodGrid(ColumnRoles, measureColumn: Int)
    /// A column per indicator, rows labelled by role (`Latest`, `Target`, `RAG`, `DoT`).
    case transposed(rowRoles: [Int: Role])
    /// Not an indicator table (finance, activities, a legend, a scorecard's own grid).
    case other

    /// The roles a row label of a transposed table (or a role label down a grid's side) names.
    static let rowRoles: Set<Role> = RoleLexicon.figureRoles.union([.status, .trend, .polarity, .unit, .commentary])

    /// The least a transposed table or a period grid holds.
    typealias Limits = ExtractTolerances.Shape

    static func of(_ table: Table, financialYear: String?) -> TableShape {
        let roles = ColumnRoles(header: table.header, financialYear: financialYear)
        guard roles[.activity] == nil else { return .other }
        // before the finance test: indicator names across may name money (`Agency staff spend`)
        if let rowRoles = transposedRowRoles(table, headerPeriods: roles.periods.count) { return .transposed(rowRoles: rowRoles) }
        guard !FinanceTableExtractor.isFinanceTable(table) else { return .other }
        guard let mc = measureColumn(table, roles: roles) else { return .other }
        if roles.periods.count >= Limits.minimumPeriodColumns, roles[.actual] == nil { return .periodGrid(roles, measureColumn: mc) }
        if roles[.actual] != nil || roles[.target] != nil { return .indicatorRows(roles, measureColumn: mc) }
        return .other
    }

    /// The column naming each row's indicator: the one labelled as a measure; else the
    /// first column when its label names no role and no period, or when its label is blank
    /// (a blank top-left cell over titles) and its cells are words, not figures.
    static func measureColumn(_ table: Table, roles: ColumnRoles) -> Int? {
        if let m = roles[.measure] { return m }
        guard let first = table.header.first, !roles.roles.values.contains(0),
              !roles.periods.contains(where: { $0.column == 0 }) else { return nil }
        let firstCells = table.rows.compactMap { $0.cells.first.flatMap(ExtractText.textOrNil) }
        guard !firstCells.isEmpty else { return nil }
        // (a labelled first column over role labels — `Actual`, `Target` down the side — is
        // still no column of titles)
        let roleLabels = firstCells.filter { rowRoles.contains(RoleLexicon.role(ofRowLabel: $0) ?? .measure) }.count
        if !first.trimmingWhitespace().isEmpty { return ExtractTolerances.isMajority(roleLabels, of: firstCells.count) ? nil : 0 }
        // titles are words, neither figures nor role labels (`Actual`, `Target` down the side)
        let wordy = firstCells.filter {
            !RecordBuilder.isFigure($0) && $0.contains(where: \.isLetter) && !rowRoles.contains(RoleLexicon.role(ofRowLabel: $0) ?? .measure)
        }.count
        return ExtractTolerances.isMajority(wordy, of: firstCells.count) ? 0 : nil
    }

    /// Row roles of a transposed table: most first-column cells name an indicator role
    /// (at least two, one of them actual or target), and the header across names
    /// indicators, not periods (a header of dates over Actual/Target rows is a scorecard's
    /// monthly grid, read by `ScorecardAssembler`).
    static func transposedRowRoles(_ table: Table, headerPeriods: Int) -> [Int: Role]? {
        guard headerPeriods == 0, table.header.count >= Limits.transposedHeaderCells,
              table.header.dropFirst().contains(where: { !$0.trimmingWhitespace().isEmpty }) else { return nil }
        var found: [Int: Role] = [:]
        for (i, row) in table.rows.enumerated() {
            guard let label = row.cells.first, let role = RoleLexicon.role(ofRowLabel: label), rowRoles.contains(role),
                  !found.values.contains(role) else { continue }
            found[i] = role
        }
        guard found.count >= Limits.minimumRoleRows, ExtractTolerances.isMajority(found.count, of: table.rows.count),
              found.values.contains(.actual) || found.values.contains(.target) else { return nil }
        return found
    }
}
