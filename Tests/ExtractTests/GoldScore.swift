import Foundation
import ScrutinyCore

/// Scores extracted records against gold rows field by field, as the project's benchmark
/// scorer does: records are paired by period and code (or a similar title), then every
/// gold field counts — true facts, gold facts, predicted facts — so a paper's precision
/// and recall cover status, unit, polarity, owner and commentary as well as the figures.
struct GoldScore {
    var truePositives = 0, goldFacts = 0, predictedFacts = 0
    var wrong: [String] = []

    var precision: Double { predictedFacts == 0 ? (goldFacts == 0 ? 1 : 0) : Double(truePositives) / Double(predictedFacts) }
    var recall: Double { goldFacts == 0 ? 1 : Double(truePositives) / Double(goldFacts) }

    /// Fields compared by similarity, not exactly (long free text).
    static let longText: Set<String> = ["title", "commentary", "section"]
    /// Fields never scored (identity, and page for text exports).
    static let skipped: Set<String> = ["doc_id", "source", "page"]

    static func norm(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2013}", with: "-")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// A row as flat `key` / `key.sub` facts, nulls left out.
    static func flat(_ row: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (k, v) in row where !skipped.contains(k) {
            if let d = v as? [String: Any] {
                for (k2, v2) in d where !(v2 is NSNull) { out["\(k).\(k2)"] = v2 }
            } else if !(v is NSNull) {
                out[k] = v
            }
        }
        return out
    }

    static func same(_ key: String, _ a: Any, _ b: Any?) -> Bool {
        guard let b else { return false }
        if let x = (a as? NSNumber)?.doubleValue, !(a is String), let y = (b as? NSNumber)?.doubleValue, !(b is String) {
            return abs(x - y) <= 1e-6 * max(1, abs(x))
        }
        guard let x = a as? String, let y = b as? String else { return false }
        if longText.contains(key) { return TextSimilarity.ratio(norm(x), norm(y)) >= 0.85 }
        return norm(x) == norm(y)
    }

    static func keyScore(_ g: [String: Any], _ p: [String: Any]) -> Double {
        guard (g["period_end"] as? String) == (p["period_end"] as? String) else { return 0 }
        if let a = g["code"] as? String, let b = p["code"] as? String, norm(a) == norm(b) { return 2 }
        let s = TextSimilarity.ratio(norm(g["title"] as? String ?? ""), norm(p["title"] as? String ?? ""))
        return s >= 0.7 ? s : 0
    }

    init(gold: [[String: Any]], got: [RecordRow]) throws {
        let encoder = JSONEncoder()
        let preds = try got.map { try JSONSerialization.jsonObject(with: encoder.encode($0)) as! [String: Any] }
        var pairs: [(Double, Int, Int)] = []
        for (i, g) in gold.enumerated() {
            for (j, p) in preds.enumerated() { let s = Self.keyScore(g, p); if s > 0 { pairs.append((s, i, j)) } }
        }
        pairs.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var usedG = Set<Int>(), usedP = Set<Int>()
        let goldKeys = Set(gold.flatMap { Self.flat($0).keys })
        for (_, i, j) in pairs where !usedG.contains(i) && !usedP.contains(j) {
            usedG.insert(i); usedP.insert(j)
            let gf = Self.flat(gold[i]), pf = Self.flat(preds[j])
            for (k, v) in gf {
                goldFacts += 1
                if Self.same(k.components(separatedBy: ".")[0], v, pf[k]) { truePositives += 1 } else {
                    wrong.append("\(gold[i]["code"] as? String ?? String((gold[i]["title"] as? String ?? "").prefix(30))) \(k): gold \(v) got \(pf[k].map { "\($0)" } ?? "nil")")
                }
            }
            predictedFacts += pf.keys.filter(goldKeys.contains).count
        }
        for (i, g) in gold.enumerated() where !usedG.contains(i) {
            goldFacts += Self.flat(g).count
            wrong.append("missing \(g["code"] as? String ?? String((g["title"] as? String ?? "").prefix(40))) \(g["period_end"] ?? "")")
        }
        for (j, p) in preds.enumerated() where !usedP.contains(j) {
            predictedFacts += Self.flat(p).keys.filter(goldKeys.contains).count
            wrong.append("extra \(p["title"] as? String ?? "") \(p["period_end"] ?? "")")
        }
    }
}
