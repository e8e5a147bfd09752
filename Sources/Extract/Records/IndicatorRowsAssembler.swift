import Foundation
import ScrutinyCore
import Normalise

/// A row per indicator: columns such as Measure / PI, Actual, Target, Previous, Similar
/// Authorities, National, Status, Comments (the top-left header cell may be blank over the
/// titles). Also links a "Comments:" block printed under the table (`PI - 1176 …`) to its row.
struct IndicatorRowsAssembler: RecordAssembler {
    typealias Limits = ExtractTolerances.IndicatorRows

    var name: String { "indicator rows" }

    func readings(in context: AssemblyContext) -> [IndicatorReading] {
        var out: [IndicatorReading] = []
        let blocks = context.blocks
        for (bi, block) in blocks.enumerated() {
            guard case .table(let table) = block,
                  case .indicatorRows(let roles, let mc) = TableShape.of(table, financialYear: context.meta.financialYear)
            else { continue }
            let section = ExtractText.captionLabel(table) ?? ExtractText.section(before: bi, in: blocks)
            let periodEnd = Self.periodEnd(table: table, roles: roles, financialYear: context.meta.financialYear) ?? context.meta.asAt
            let previousColumn = roles[.previous] ?? Self.periodColumnBeforeActual(roles)
            var rows: [IndicatorReading] = []
            for row in table.rows {
                let cells = row.cells
                let cell = row.text
                guard var measure = cell(mc) else { continue }
                // a note printed on its own lines under the measure, led by a dash, is not its title
                let measureLines = cells[mc].split(separator: "\n").map { $0.trimmingWhitespace() }
                if let k = measureLines.indices.dropFirst().first(where: { measureLines[$0].hasPrefix("- ") || measureLines[$0].hasPrefix("– ") }),
                   let kept = ExtractText.textOrNil(measureLines[..<k].joined(separator: " ")) {
                    measure = kept
                }
                guard [roles[.actual], roles[.target], previousColumn].contains(where: { cell($0) != nil }) else { continue }
                guard let (code, title) = indicatorName(measure: measure, codeCell: cell(roles[.code])) else { continue }
                var r = IndicatorReading(title: title, code: code, section: section, periodEnd: periodEnd, at: row.at)
                r.confidence = row.confidence
                for role in Role.allCases where role != .measure && role != .code {
                    r[role] = cell(role == .previous ? previousColumn : roles[role])
                }
                r.unitFromLabels = Self.unitFromLabels(table.header, roles: roles)
                rows.append(r)
            }
            linkCommentBlock(after: bi, in: blocks, to: &rows)
            out += rows
        }
        return out
    }

    /// A column labelled by a period alone, left of the actual column, holds an earlier
    /// period's figure (`2022/23 | 2023/24 Actual | Target`): it is the previous figure.
    static func periodColumnBeforeActual(_ roles: ColumnRoles) -> Int? {
        guard let a = roles[.actual] else { return nil }
        return roles.periods.last(where: { $0.column < a })?.column
    }

    /// A unit printed in the figure columns' labels (`Actual (%)`, `Target £000`).
    static func unitFromLabels(_ header: [String], roles: ColumnRoles) -> String? {
        for role in [Role.actual, .target] {
            guard let i = roles[role], i < header.count else { continue }
            let h = header[i]
            if h.contains("%") { return "%" }
            if h.contains("£") { return "GBP" }
        }
        return nil
    }

    /// The period the figures measure: a date in the actual column's label (`Actual (as
    /// at December 31st 2012)`), a quarter and year there (`Q3 2024/25 Actual`), or the
    /// end of a `Periods -->` range caption.
    static func periodEnd(table: Table, roles: ColumnRoles, financialYear: String?) -> String? {
        if let a = roles[.actual], a < table.header.count {
            let label = table.header[a]
            if let d = DateParser.find(in: label).last { return d.iso }
            if let q = PeriodParser.quarter(in: label), let fy = PeriodParser.financialYear(in: label) ?? financialYear {
                return PeriodParser.quarterEnd(financialYear: fy, quarter: q)
            }
        }
        if let caption = table.caption, let d = DateParser.find(in: caption).last { return d.iso }
        return nil
    }

    /// `SiblingCodeShape` rule: comments under a table are led by codes of one shape
    /// (`PI - 1176`, `PI - 1178`); a paragraph led by a short garbled prefix, a dash and as
    /// many digits as the comment before it (`on - 1178`, a scan's misread of `PI`) is the
    /// next comment, with the sibling's prefix. Counter-example: a sentence going on from
    /// the comment above (`30 children ceased…`) has no prefix-dash-digits lead.
    static func siblingComment(_ text: String, after code: String) -> (String, String)? {
        guard let sib = code.firstMatch(of: /^(?<prefix>[A-Z]+)\s*(?<digits>\d+)/),
              let m = text.firstMatch(of: /^\S{1,3}\s?[-–]\s?(?<digits>\d+)\s+(?<rest>.+)$/),
              m.output.digits.count == sib.output.digits.count else { return nil }
        return ("\(sib.output.prefix) \(m.output.digits)", String(m.output.rest))
    }

    /// Paragraphs under the table led by an indicator code (`PI - 1176 This is…`) are
    /// comments; each is tied to the row whose figures or words it shares most.
    func linkCommentBlock(after index: Int, in blocks: [Block], to rows: inout [IndicatorReading]) {
        guard !rows.isEmpty else { return }
        var comments: [(code: String, text: String)] = []
        var i = index + 1
        var started = false
        while i < blocks.count, case .paragraph(let p) = blocks[i] {
            let t = p.text
            if t.matches(pattern: #"^(?i)comments?\s*:?$"#) { started = true; i += 1; continue }
            if let m = t.firstMatch(of: rxCodeLedComment) {
                comments.append((IndicatorCode.normalise(String(m.output.code)), String(m.output.rest)))
                started = true
            } else if let last = comments.last, let (code, rest) = Self.siblingComment(t, after: last.code) {
                comments.append((code, rest))
            } else if started, !comments.isEmpty,
                      p.headingLevel == nil || (p.headingLevel == Limits.commentHeadingLevel && t.count > Limits.commentHeadingLength),
                      !p.bold, t.count > Limits.commentContinuationLength,
                      !t.hasPrefix("Objective") {
                comments[comments.count - 1].text += " " + t
            } else if started || i > index + Limits.commentBlockReach {
                break
            }
            i += 1
        }
        guard !comments.isEmpty else { return }
        var pairs: [(score: Double, c: Int, r: Int)] = []
        for (ci, c) in comments.enumerated() {
            let words = ExtractText.contentWords(c.text)
            for (ri, r) in rows.enumerated() where r.code == nil && r[.commentary] == nil {
                var score = Double(words.intersection(ExtractText.contentWords(r.title)).count)
                if let a = r[.actual], Self.mentions(c.text, figure: a) { score += Limits.figureMentionPoints }
                if score > 0 { pairs.append((score, ci, ri)) }
            }
        }
        var usedC = Set<Int>(), usedR = Set<Int>()
        for p in pairs.sorted(by: { $0.score > $1.score }) where !usedC.contains(p.c) && !usedR.contains(p.r) {
            usedC.insert(p.c); usedR.insert(p.r)
            rows[p.r].code = comments[p.c].code
            rows[p.r][.commentary] = TextCleaner.collapseWhitespace(comments[p.c].text)
        }
    }

    /// Whether a text prints a figure as a whole number (`12` in `rose to 12 children`, not
    /// in `112` or `12.5`).
    static func mentions(_ text: String, figure: String) -> Bool {
        guard !figure.isEmpty else { return false }
        var search = text.startIndex
        while let r = text.range(of: figure, range: search..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            if !(before.map { $0.isNumber || $0 == "." } ?? false) && !(after?.isNumber ?? false) { return true }
            search = text.index(after: r.lowerBound)
        }
        return false
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A comment led by an indicator code: `PI - 1176 This is…` (code, then the comment).
nonisolated(unsafe) private let rxCodeLedComment = /^(?<code>(?:PI|NI|KPI|LPI)\s*[-–]?\s*\d{2,5}[A-Z]?)\s+(?<rest>.+)$/
