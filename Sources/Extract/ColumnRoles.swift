import Foundation
import ScrutinyCore
import Normalise

/// What a table column holds: a role from the one `RoleLexicon`, so every extractor names
/// columns the same way.
public typealias ColumnRole = Role

/// Maps a table's column labels to roles through `RoleLexicon`, and finds the columns
/// whose label is a period (`Jul-24`, `Q2`, `2023/24`).
public struct ColumnRoles: Sendable {
    /// The first column of each role (for targets: a `Current target` wins over other targets).
    public var roles: [Role: Int] = [:]
    /// Columns labelled by a period alone, with the period's last day, left to right.
    public var periods: [(column: Int, end: ISODate)] = []

    public init(header: [String], financialYear: String? = nil) {
        for (i, raw) in header.enumerated() {
            func set(_ r: Role) { if roles[r] == nil { roles[r] = i } }
            guard !raw.trimmingWhitespace().isEmpty else { continue }
            guard let role = RoleLexicon.role(ofLabel: raw) else {
                if let end = PeriodParser.periodEnd(ofLabel: raw, financialYear: financialYear) { periods.append((i, end)) }
                continue
            }
            switch role {
            case .owner, .lead:
                // a lead column first in the table names what each row is about
                set(i == 0 ? .measure : .lead); set(.owner)
            case .target:
                if raw.lowercased().contains("current target"), let old = roles[.target], old != i { roles[.target] = i } else { set(.target) }
            default:
                set(role)
            }
        }
    }

    public subscript(role: Role) -> Int? { roles[role] }
}
