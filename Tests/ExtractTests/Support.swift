import Foundation
import ScrutinyCore
import TextInput
import Layout
import Normalise
@testable import Extract

/// The folder of test fixtures copied from the project's shared fixtures.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// Runs text → layout → normalise → extract on a text (or HTML) export's bytes.
func extractText(_ text: String, name: String = "paper.txt", kind: SourceKind = .text) throws -> Extraction {
    let data = Data(text.utf8)
    let source = SourceDocument(docID: Hashing.sha256(data), source: name, path: name, kind: kind, byteCount: data.count)
    let doc = try TextExportReader().read(source, data: data)
    let laid = try LayoutStage(options: .init()).run(doc, context: StageContext())
    let normal = try NormaliseStage(options: .init()).run(laid, context: StageContext())
    return try ExtractStage(options: .init()).run(normal, context: StageContext())
}

/// Reads a JSON Lines file into objects.
func jsonLines(_ url: URL) throws -> [[String: Any]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
}

/// How many gold figures (actual, target, previous) the extraction reproduces.
func figureRecall(gold: [[String: Any]], got: [RecordRow]) -> (right: Int, total: Int, missing: [String]) {
    var right = 0, total = 0
    var missing: [String] = []
    func norm(_ s: String?) -> String { (s ?? "").lowercased().filter { $0.isLetter || $0.isNumber } }
    for g in gold {
        let period = g["period_end"] as? String
        let code = g["code"] as? String
        let title = g["title"] as? String
        let match = got.first { r in
            r.periodEnd == period && ((code != nil && r.code == code) || (code == nil && norm(r.title) == norm(title)))
        }
        for key in ["actual", "target", "previous"] {
            guard let want = g[key] as? Double else { continue }
            total += 1
            let have: Double? = key == "actual" ? match?.actual : key == "target" ? match?.target : match?.previous
            if let have, abs(have - want) <= 1e-6 * max(1, abs(want)) { right += 1 } else {
                missing.append("\(code ?? title ?? "?") \(period ?? "") \(key)=\(want) got \(have.map { String($0) } ?? "nil")")
            }
        }
    }
    return (right, total, missing)
}
