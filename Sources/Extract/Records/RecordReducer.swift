import Foundation
import ScrutinyCore
import Normalise

/// Merges what several assemblers read about the same indicator and period: the first
/// reading with a figure stands, the others fill only the roles it lacks (a summary table
/// of RAG words plus the card with the figures is one record). A reading with no actual or
/// target, left unmerged, is not a record (the contract's rule).
enum RecordReducer {
    /// How alike two titles of one indicator are.
    typealias Limits = ExtractTolerances.Reducer

    static func reduce(_ readings: [IndicatorReading]) -> [IndicatorReading] {
        var kept: [IndicatorReading] = []
        var byKey: [String: Int] = [:]
        let (withFigures, partial) = (readings.filter(\.hasFigure), readings.filter { !$0.hasFigure })
        for r in withFigures {
            let key = Self.key(r)
            if let k = byKey[key] { fill(&kept[k], from: r); continue }
            byKey[key] = kept.count
            kept.append(r)
        }
        for p in partial {
            guard let k = kept.indices.first(where: { sameIndicator(kept[$0], p) && kept[$0].periodEnd == p.periodEnd }) else { continue }
            fill(&kept[k], from: p)
        }
        return kept
    }

    /// Same page, period and code (or title): one observation.
    static func key(_ r: IndicatorReading) -> String {
        "\(r.at.page ?? 0)|\(r.periodEnd ?? "")|\(r.code ?? TextCleaner.collapseWhitespace(r.title).lowercased())"
    }

    static func sameIndicator(_ a: IndicatorReading, _ b: IndicatorReading) -> Bool {
        if let x = a.code, let y = b.code { return x == y }
        return TextSimilarity.ratio(a.title.lowercased(), b.title.lowercased()) >= Limits.sameTitleSimilarity
    }

    static func fill(_ target: inout IndicatorReading, from other: IndicatorReading) {
        for (role, text) in other.printed where target.printed[role] == nil { target.printed[role] = text }
        if target.code == nil { target.code = other.code }
        if target.section == nil { target.section = other.section }
    }
}
