import Foundation
import ScrutinyCore

/// For text exports, which have no page geometry: short lines printed again and again
/// (a page header carried into the export, such as `Performance Report - Quarter 1 2012/13`)
/// are page furniture. They are taken out of the body and kept as running headers.
public enum RepeatedHeadingDetector {
    /// Removes paragraphs whose text repeats at least `minimumRepeats` times, is short, and
    /// names a year; returns the remaining blocks and the distinct repeated texts.
    public static func extract(_ blocks: [Block], minimumRepeats: Int = 2) -> (blocks: [Block], headers: [String]) {
        var counts: [String: Int] = [:]
        for case .paragraph(let p) in blocks where isCandidate(p) { counts[p.text, default: 0] += 1 }
        let repeated = Set(counts.filter { $0.value >= minimumRepeats }.keys)
        guard !repeated.isEmpty else { return (blocks, []) }
        var headers: [String] = []
        var kept: [Block] = []
        for b in blocks {
            if case .paragraph(let p) = b, repeated.contains(p.text) {
                if !headers.contains(p.text) { headers.append(p.text) }
                continue
            }
            kept.append(b)
        }
        return (kept, headers)
    }

    static func isCandidate(_ p: Paragraph) -> Bool {
        p.text.count <= LayoutTolerances.repeatedHeadingMaxLength && p.text
.matches(pattern: #"\b(19|20)\d{2}\b"#)
    }
}
