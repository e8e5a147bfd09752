import Foundation
import ScrutinyCore
import Normalise

/// Indicator records from per-indicator scorecards: a status heading (`RED DIAMOND`),
/// a `CODE: Title` line, `Owner:` / `Polarity:` / `Unit:` fields, a monthly grid
/// (dates across, Actual / Target / Symbol down) and a "Latest Comments" block.
///
/// Fields printed out of order are handled: a field seen after an indicator's grid goes
/// to that indicator if it has none of that kind yet, otherwise to the next indicator.
/// `ScorecardReader` walks the lines, one rule per kind of line; this type holds the line
/// patterns and turns each indicator's grid into one reading per period.
struct ScorecardAssembler: RecordAssembler {
    typealias Limits = ExtractTolerances.Scorecard

    var name: String { "scorecard" }

    func readings(in context: AssemblyContext) -> [IndicatorReading] {
        extract(context.doc)
    }

    struct Indicator {
        var code: String?
        var title: String
        var section: String?
        var statusText: String?
        var fields: [String: String] = [:]
        var grid: Table?
        var comments: [String] = []
        var at: Provenance
    }

    enum Event {
        case line(String, Paragraph)
        case table(Table)
    }

    /// A status heading, after an optional scrap of up to three non-letters (its icon, which
    /// OCR reads as `4` or `4+`) that `statusWords` drops.
    nonisolated(unsafe) static let statusHeading = /^(?i)(?:[^\sA-Za-z]{1,3}\s+)?(?<words>(?:red|amber|green|blue|grey|gray|black|purple)\s+(?:diamond|plus|circle|triangle|square|star|cross|tick|arrow))$/

    /// The status words of a status heading line (`4+ GREEN PLUS` → `GREEN PLUS`), or nil.
    static func statusWords(_ line: String) -> String? {
        line.trimmingWhitespace().wholeMatch(of: statusHeading).map { String($0.output.words) }
    }
    /// An indicator's title line: a code (`NI 117`, `CS 12a`, `1234AB`, or one with a second
    /// code in brackets, `NI 117 (LPI 12)`), a colon and the title.
    nonisolated(unsafe) static let titleLine = /^(?<code>(?:[A-Z]{2,4}\s)?[A-Z]{1,4}\s?\d{1,4}[A-Z]{0,2}(?:\s*\([A-Z]{1,4}\s?\d{1,4}\))?|\d{3,5}[A-Z]{1,3})\s*:\s*(?<title>\S.*)$/
    /// A code and title without the colon: `NI064 Child protection plans …` (a letter-digit code only).
    nonisolated(unsafe) static let titleLineNoColon = /^(?<code>(?:[A-Z]{2,4}\s)?[A-Z]{1,4}\d{2,4}[A-Z]{0,2}|\d{3,5}[A-Z]{2,3})\s+(?<title>(?:[A-Z(%]|\d[\d,.]*\s+[a-z]).{8,})$/
    /// The label of a field an indicator's scorecard prints above its grid (`Owner:`, `Polarity:`,
    /// `Unit:`, `Good performance is:`, `Lead officer:`).
    nonisolated(unsafe) static let fieldLabel = /(?i)\b(owner|polarity|unit|good performance is|lead officer)\s*:/
    /// `fieldLabel` with simple word boundaries, for splitting a line into fields: a quote OCR
    /// glued on (`Ogunleye’Polarity:`) ends a word.
    nonisolated(unsafe) static let fieldLabelSplit = fieldLabel.wordBoundaryKind(.simple)

    func extract(_ doc: LaidOutDocument) -> [IndicatorReading] {
        let events = Self.events(of: doc.blocks)
        guard Self.isScorecard(events) else { return [] }
        var reader = ScorecardReader()
        reader.read(events)
        return reader.indicators.flatMap { readings(for: $0) }
    }

    /// The document's non-blank paragraph lines and its tables, in print order.
    static func events(of blocks: [Block]) -> [Event] {
        var events: [Event] = []
        for b in blocks {
            switch b {
            case .paragraph(let p): for l in p.lines where !l.isEmpty { events.append(.line(l, p)) }
            case .table(let t): events.append(.table(t))
            }
        }
        return events
    }

    /// Rule ScorecardPaper: a paper of per-indicator scorecards prints a status heading
    /// (`RED DIAMOND`) or a monthly grid; a paper with neither gives no scorecard readings.
    static func isScorecard(_ events: [Event]) -> Bool {
        events.contains(where: { if case .line(let l, _) = $0 { return statusWords(l) != nil } else { return false } })
            || events.contains(where: { if case .table(let t) = $0 { return isGrid(t) } else { return false } })
    }

    /// The code and title of an indicator's title line, if the line is one.
    static func titleParts(_ text: String) -> (String, String)? {
        if let m = text.wholeMatch(of: titleLine) { return (String(m.output.code), String(m.output.title)) }
        if text.count <= Limits.titleLineLength, let m = text.wholeMatch(of: titleLineNoColon) { return (String(m.output.code), String(m.output.title)) }
        return nil
    }

    /// Rule SectionNameShape: a section name is a short capitalised label (at most
    /// `Limits.sectionNameWords` words and `Limits.sectionNameLength` characters) with no
    /// bracket, colon or closing full stop, and is not `No comment …`.
    static func looksLikeSectionName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard !words.isEmpty, words.count <= Limits.sectionNameWords, s.count <= Limits.sectionNameLength else { return false }
        if s.contains("(") || s.hasSuffix(".") || s.contains(":") { return false }
        if s.matches(pattern: #"(?i)no comment"#) { return false }
        return s.first?.isUppercase == true
    }

    /// Splits `Owner: A Polarity: B Unit: C` into fields; a value ending in the start of
    /// the next line's label (`Carrie Forrester Po` before `Polarity:`) loses the fragment.
    /// The fields come in print order (rule FieldAfterGridWaits depends on it).
    static func parseFields(_ text: String, nextLine: String?) -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        let matches = text.matches(of: fieldLabelSplit)
        for (n, m) in matches.enumerated() {
            let end = n + 1 < matches.count ? matches[n + 1].range.lowerBound : text.endIndex
            var value = TextCleaner.collapseWhitespace(String(text[m.range.upperBound..<end]))
            if n + 1 == matches.count, let next = nextLine?.firstMatch(of: fieldLabel) {
                value = LayoutQuirks.splitFieldFragment(value, nextLabel: String(next.output.1)).value
            }
            let key = m.output.1.lowercased() == "good performance is" ? "polarity" : m.output.1.lowercased()
            out.append((key == "lead officer" ? "owner" : key, value))
        }
        return out
    }

    /// Rule MonthlyGrid: a scorecard's grid is a table with at least `Limits.gridDateColumns`
    /// dates across its header and a row labelled Actual or Target.
    static func isGrid(_ t: Table) -> Bool {
        guard t.rows.contains(where: { ["actual", "target"].contains($0.cells.first?.lowercased().trimmingWhitespace() ?? "") })
        else { return false }
        return t.header.filter { DateParser.parse($0) != nil }.count >= Limits.gridDateColumns
    }

    func readings(for ind: Indicator) -> [IndicatorReading] {
        guard let grid = ind.grid else { return [] }
        let header = grid.header
        func row(_ label: String) -> TableRow? {
            grid.rows.first { $0.cells.first?.lowercased().trimmingWhitespace().hasPrefix(label) == true }
        }
        let actualRow = row("actual"), targetRow = row("target")
        var commentary = ExtractText.textOrNil(ind.comments.joined(separator: " "))
        if let c = commentary, c.matches(pattern: #"^(?i)no comment required"#) { commentary = nil }
        let lastActual = (1..<header.count).last { j in
            guard let a = actualRow, j < a.cells.count else { return false }
            return !a.cells[j].isEmpty
        }
        // the unit of the whole grid: a blank Unit field leaves it to the grid's figures
        let allCells = Array((actualRow?.cells.dropFirst() ?? []) + (targetRow?.cells.dropFirst() ?? []))
        let gridUnit = ExtractText.unit(fromCells: allCells)
        var out: [IndicatorReading] = []
        for j in 1..<header.count {
            let a = actualRow.flatMap { j < $0.cells.count ? ExtractText.textOrNil($0.cells[j]) : nil }
            let t = targetRow.flatMap { j < $0.cells.count ? ExtractText.textOrNil($0.cells[j]) : nil }
            guard a != nil || t != nil, let period = DateParser.parse(header[j]) else { continue }
            let at = Provenance(page: (actualRow ?? targetRow)?.at.page ?? ind.at.page, line: ind.at.line)
            var r = IndicatorReading(title: ind.title, code: ind.code, section: ind.section, periodEnd: period, at: at)
            r[.unit] = ind.fields["unit"]
            r.unitFromLabels = gridUnit
            r[.polarity] = ind.fields["polarity"]
            r[.owner] = ind.fields["owner"]
            r[.actual] = a; r[.target] = t
            r.confidence = a != nil ? actualRow?.confidence : targetRow?.confidence
            if j == lastActual {
                r[.status] = ind.statusText
                r[.commentary] = commentary
            }
            out.append(r)
        }
        return out
    }
}
