import Foundation
import ScrutinyCore
import Normalise

/// Indicator records from measure tables: a row per indicator with columns such as
/// Measure / PI, Actual, Target, Previous, Similar Authorities, National, Status, Comments.
/// Also links a "Comments:" block printed under the table (`PI - 1176 …`) to its row.
public struct MeasureTableExtractor: Sendable {
    public init() {}

    public func extract(_ doc: LaidOutDocument, meta: DocumentRow) -> [RecordRow] {
        var out: [RecordRow] = []
        let blocks = doc.blocks
        for (bi, block) in blocks.enumerated() {
            guard case .table(let table) = block else { continue }
            let roles = ColumnRoles(header: table.header)
            guard roles[.activity] == nil, roles[.actual] != nil || roles[.target] != nil,
                  !FinanceTableExtractor.isFinanceTable(table) else { continue }
            let firstLabelled = !(table.header.first ?? "").isEmpty
            let measureColumn = roles[.measure] ?? (roles[.actual] == 0 || roles[.target] == 0 || !firstLabelled ? nil : 0)
            guard let mc = measureColumn else { continue }
            let section = ExtractText.captionLabel(table) ?? ExtractText.section(before: bi, in: blocks)
            let periodEnd = periodEnd(table: table, roles: roles) ?? meta.asAt
            var rows: [RecordRow] = []
            for row in table.rows {
                let cells = row.cells
                func cell(_ r: ColumnRole) -> String? {
                    guard let i = roles[r], i < cells.count else { return nil }
                    return ExtractText.textOrNil(cells[i])
                }
                guard mc < cells.count, var measure = ExtractText.textOrNil(cells[mc]) else { continue }
                // a note printed on its own lines under the measure, led by a dash, is not its title
                let measureLines = cells[mc].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                if let k = measureLines.indices.dropFirst().first(where: { measureLines[$0].hasPrefix("- ") || measureLines[$0].hasPrefix("– ") }),
                   let kept = ExtractText.textOrNil(measureLines[..<k].joined(separator: " ")) {
                    measure = kept
                }
                let figureCells = [cell(.actual), cell(.target), cell(.previous)].compactMap { $0 }
                guard !figureCells.isEmpty else { continue }
                var (code, title) = Self.splitCode(measure)
                if let c = cell(.code) { code = c }
                title = LayoutQuirks.cleanTitle(title)
                guard !title.isEmpty else { continue }
                var r = RecordRow(docID: doc.source.docID, title: title)
                r.page = row.at.page
                r.line = row.at.line
                r.confidence = row.confidence
                r.periodEnd = periodEnd
                r.section = section
                r.code = code
                r.unit = cell(.unit).flatMap(UnitParser.parse) ?? ExtractText.unit(fromCells: figureCells)
                r.polarity = cell(.polarity).flatMap(PolarityParser.parse) ?? PolarityParser.fromTitle(measure)
                r.actualText = cell(.actual); r.targetText = cell(.target); r.previousText = cell(.previous)
                r.actual = ExtractText.value(r.actualText, unit: r.unit)
                r.target = ExtractText.value(r.targetText, unit: r.unit)
                r.previous = ExtractText.value(r.previousText, unit: r.unit)
                r.comparatorsText = Comparators(similarAuthorities: cell(.similarAuthorities), national: cell(.national))
                r.comparators = Comparators(similarAuthorities: comparator(cell(.similarAuthorities), unit: r.unit),
                                            national: comparator(cell(.national), unit: r.unit))
                r.floorText = cell(.floor); r.floor = ExtractText.value(r.floorText, unit: r.unit)
                r.trendText = cell(.trend); r.trend = r.trendText.flatMap(TrendParser.parse)
                r.statusText = cell(.status); r.status = r.statusText.flatMap(StatusParser.parse)
                r.owner = ExtractText.personName(cell(.owner))
                r.commentary = cell(.comments)
                rows.append(r)
            }
            linkCommentBlock(after: bi, in: blocks, to: &rows)
            out += rows
        }
        return out
    }

    /// A comparator in the measure's unit: a figure of another unit (a % beside a count) is not one.
    func comparator(_ text: String?, unit: String?) -> Double? {
        guard let text, let f = FigureParser.parse(text, moneyContext: unit == "GBP") else { return nil }
        if unit == nil, f.unit == .percent { return nil }
        if unit == "%", f.unit == .money { return nil }
        return f.value
    }

    /// The period the figures measure: a date in the actual column's label
    /// (`Actual (as at December 31st 2012)`) or the end of a `Periods -->` range caption.
    func periodEnd(table: Table, roles: ColumnRoles) -> String? {
        if let a = roles[.actual], a < table.header.count, let d = DateParser.find(in: table.header[a]).last { return d.iso }
        if let caption = table.caption, let d = DateParser.find(in: caption).last { return d.iso }
        return nil
    }

    /// A leading indicator code in a measure cell (`NI 060 Title`, `PI 1176: Title`).
    static func splitCode(_ measure: String) -> (String?, String) {
        if let m = measure.firstMatch(of: rxMeasureTableExtractor1) {
            return (normaliseCode(String(m.output.code)), String(m.output.rest))
        }
        return (nil, measure)
    }

    static func normaliseCode(_ s: String) -> String {
        var t = s.replacing(rxMeasureTableExtractor2, with: " ")
        t = TextCleaner.collapseWhitespace(t)
        if let m = t.firstMatch(of: rxMeasureTableExtractor3) { t = "\(m.output.p)\(m.output.n)" }
        return t
    }

    /// Paragraphs under the table led by an indicator code (`PI - 1176 This is…`) are
    /// comments; each is tied to the row whose figures or words it shares most.
    func linkCommentBlock(after index: Int, in blocks: [Block], to rows: inout [RecordRow]) {
        guard !rows.isEmpty else { return }
        var comments: [(code: String, text: String)] = []
        var i = index + 1
        var started = false
        while i < blocks.count, case .paragraph(let p) = blocks[i] {
            let t = p.text
            if t.range(of: #"^(?i)comments?\s*:?$"#, options: .regularExpression) != nil { started = true; i += 1; continue }
            if let m = t.firstMatch(of: rxMeasureTableExtractor4) {
                comments.append((Self.normaliseCode(String(m.output.code)), String(m.output.rest)))
                started = true
            } else if started, !comments.isEmpty, p.headingLevel == nil || (p.headingLevel == 3 && t.count > 120), !p.bold, t.count > 40,
                      !t.hasPrefix("Objective") {
                comments[comments.count - 1].text += " " + t
            } else if started || i > index + 2 {
                break
            }
            i += 1
        }
        guard !comments.isEmpty else { return }
        var pairs: [(score: Double, c: Int, r: Int)] = []
        for (ci, c) in comments.enumerated() {
            let words = ExtractText.contentWords(c.text)
            for (ri, r) in rows.enumerated() where r.code == nil && r.commentary == nil {
                var score = Double(words.intersection(ExtractText.contentWords(r.title)).count)
                if let a = r.actualText, c.text.range(of: #"(^|[^\d.])"# + NSRegularExpression.escapedPattern(for: a) + #"($|[^\d])"#,
                                                      options: .regularExpression) != nil { score += 3 }
                if score > 0 { pairs.append((score, ci, ri)) }
            }
        }
        var usedC = Set<Int>(), usedR = Set<Int>()
        for p in pairs.sorted(by: { $0.score > $1.score }) where !usedC.contains(p.c) && !usedR.contains(p.r) {
            usedC.insert(p.c); usedR.insert(p.r)
            rows[p.r].code = comments[p.c].code
            rows[p.r].commentary = TextCleaner.collapseWhitespace(comments[p.c].text)
        }
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
nonisolated(unsafe) private let rxMeasureTableExtractor1 = /^(?<code>(?:NI|PAF|BV|CS|PI|KPI|LPI|SC)\s?[A-Z]?\s?\d{1,4}[A-Z]{0,2})\s*[:\-–]\s*(?<rest>.+)$/
nonisolated(unsafe) private let rxMeasureTableExtractor2 = /\s*[-–]\s*/
nonisolated(unsafe) private let rxMeasureTableExtractor3 = /^(?<p>NI|CS)\s(?<n>\d+[A-Z]?)$/
nonisolated(unsafe) private let rxMeasureTableExtractor4 = /^(?<code>(?:PI|NI|KPI|LPI)\s*[-–]?\s*\d{2,5}[A-Z]?)\s+(?<rest>.+)$/
