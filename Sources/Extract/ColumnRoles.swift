import Foundation
import ScrutinyCore

/// What a table column holds, recognised from its header label's vocabulary.
public enum ColumnRole: String, Sendable, CaseIterable {
    case measure, code, actual, target, previous, similarAuthorities, national, comments, status, trend
    case owner, unit, polarity, floor
    case activity, ref, progress, lead
    case budget
}

/// Maps a table's column labels to roles.
public struct ColumnRoles: Sendable {
    nonisolated(unsafe) static let groupPrefix = /^[^:]{3,40}:\s+(?=\S)/
    public var roles: [ColumnRole: Int] = [:]

    public init(header: [String]) {
        for (i, raw) in header.enumerated() {
            // the leaf label, without a spanning group label (`Performance Against: Current Target`)
            let h = raw.contains(":") ? raw.lowercased().replacing(Self.groupPrefix, with: "") : raw.lowercased()
            func set(_ r: ColumnRole) { if roles[r] == nil { roles[r] = i } }
            func has(_ p: String) -> Bool { h.matches(pattern: p) }
            if h.isEmpty { continue }
            if has(#"key activit|^activit|^actions?\b|^key actions?|committed to|^commitments?\b|what we will do|^deliverables?\b"#) { set(.activity); continue }
            if has(#"^ref\b|^reference|^no\.?$"#) { set(.ref); continue }
            if has(#"similar|statistical neighbour|comparator group"#) { set(.similarAuthorities); continue }
            if has(#"national|england|regional average"#) { set(.national); continue }
            if has(#"previous|last year|baseline|prior"#) { set(.previous); continue }
            if has(#"^(current |annual |year[- ]end |ytd |q[1-4] |\d{4}/\d{2} )?targets?\b"#) {
                if has(#"current target"#), let old = roles[.target], old != i { roles[.target] = i } else { set(.target) }
                continue
            }
            if has(#"floor|tolerance"#) { set(.floor); continue }
            if has(#"^actuals?\b|^(q[1-4]|ytd|latest|current) actual|outturn|^result|current performance|^performance$|^ytd"#) { set(.actual); continue }
            if has(#"comment|commentary|narrative|explanation|notes?\b"#) { set(.comments); continue }
            if has(#"progress|update"#) { set(.progress); continue }
            if has(#"status|score|\brag\b|rating"#) { set(.status); continue }
            if has(#"trend|direction"#) { set(.trend); continue }
            if has(#"lead|\bled by\b|officer|owner|responsible|accountable"#) { set(i == 0 ? .measure : .lead); set(.owner); continue }
            if has(#"polarity|good is"#) { set(.polarity); continue }
            if has(#"^unit"#) { set(.unit); continue }
            if has(#"^code|^pi (no|ref|code)|^indicator (no|code|ref)"#) { set(.code); continue }
            if has(#"measure|indicator|^pi$|^kpi|description|^title|^name"#) { set(.measure); continue }
            if has(#"budget|forecast|variance|spend|expenditure|outturn|income"#) { set(.budget); continue }
        }
    }

    public subscript(role: ColumnRole) -> Int? { roles[role] }
}
