import Foundation
import ScrutinyCore

/// Decides which leading rows of a table are captions and which are column headers,
/// from structure (blank first cell over labelled rows, cells filling a group label's
/// span, no figures) and the vocabulary of report column labels.
public enum HeaderRowDetector {
    /// Words that name columns in performance and budget tables.
    static let vocabulary: Set<String> = [
        "measure", "measures", "indicator", "indicators", "pi", "kpi", "actual", "actuals", "target", "targets",
        "status", "progress", "comment", "comments", "commentary", "lead", "officer", "owner", "ref", "reference",
        "budget", "budgets", "forecast", "variance", "outturn", "spend", "objective", "objectives", "milestones",
        "milestone", "risks", "risk", "rag", "score", "trend", "direction", "travel", "previous", "value",
        "baseline", "result", "results", "period", "periods", "quarter", "year", "title", "description", "action",
        "actions", "activities", "activity", "key", "polarity", "unit", "similar", "national", "authorities",
        "average", "date", "due", "responsible", "gross", "net", "revised", "base", "overview", "performance",
        "against", "data", "only", "code", "q1", "q2", "q3", "q4", "ytd", "outcome", "benchmark", "comparator",
        "england", "region", "regional", "neighbours", "expenditure", "income", "service", "line", "name",
        "priority", "update", "rating", "tolerance", "floor", "latest", "current", "full", "projected",
        "led", "by", "timescale", "timescales", "deadline", "committed", "commitment", "commitments", "deliverable",
        "deliverables", "shared", "completion", "owner(s)", "accountable",
    ]

    /// The split of a table's raw rows into captions, header rows and body rows.
    public struct Split: Equatable, Sendable {
        public var captionRows: Int
        public var headerRows: Int
    }

    /// Leading caption rows (a lone label in the first cell, or a `Periods -->` row) and
    /// header rows for a table whose rows are given top to bottom.
    public static func split(_ rows: [[String]]) -> Split {
        var start = 0
        while start < rows.count - 1, isCaptionRow(rows[start]) { start += 1 }
        guard start < rows.count - 1 || (start < rows.count && rows.count == 1 && isHeaderLike(rows[start], next: nil)) else {
            return Split(captionRows: start, headerRows: 0)
        }
        for rule in LayoutRules.groupedHeaders {
            if let n = rule.headerRows(rows, at: start) { return Split(captionRows: start, headerRows: n) }
        }
        // a header under a few more lines of caption (a legend, a label, a period banner: at
        // most two cells each, the first filled, no figures; a group label leaves the corner
        // blank) that the caption rule above did not take
        if start + 1 < rows.count, !isHeaderLike(rows[start], next: rows[start + 1]), !isUnitsRow(rows[start]),
           let j = (start + 1..<min(start + 1 + LayoutTolerances.maxCaptionRowsBeforeHeader, rows.count - 1)).first(where: { isHeaderLike(rows[$0], next: rows[$0 + 1]) }),
           rows[start..<j].allSatisfy({ r in
               r.first?.isEmpty == false && r.filter { !$0.isEmpty }.count <= LayoutTolerances.captionRowMaxCells
                   && !r.contains(where: FigureShape.isFigure)
           }) {
            start = j
        }
        let headers = LayoutRules.headerRows.lazy.compactMap { $0.headerRows(rows, at: start) }.first ?? 0
        return Split(captionRows: start, headerRows: headers)
    }

    nonisolated(unsafe) static let unitLabel = /^\(?(?:[£$€]\s?'?(?:000|m|k|bn)?|%|'000)\)?$/

    /// A row whose filled cells are all units (`£m`, `£'000`, `(%)`), printed over a table's
    /// figure columns above their labels.
    static func isUnitsRow(_ row: [String]) -> Bool {
        let filled = row.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { $0.wholeMatch(of: unitLabel) != nil }
    }

    /// A caption row: only its first cell is filled (a title inside the table block), or
    /// a period banner such as `Periods --> | 01/04/2012 to 30/06/2012`.
    public static func isCaptionRow(_ row: [String]) -> Bool {
        let filled = row.enumerated().filter { !$0.element.isEmpty }
        if filled.count == 1, filled[0].offset == 0, row.count > 1 { return true }
        if let f = row.first, f.contains("-->") { return true }
        // the banner with its arrow lost (a scan): a label and a date range, nothing else
        if filled.count <= LayoutTolerances.captionRowMaxCells, filled.contains(where: { isDateRange($0.element) }) { return true }
        return false
    }

    /// `01/04/2012 to 30/06/2012`, perhaps after a short label.
    static func isDateRange(_ cell: String) -> Bool {
        cell.count <= LayoutTolerances.dateRangeMaxLength && DateRangeShape.isLabelledRange(cell)
    }

    static func tokens(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// A column label: a word of the header vocabulary, a short label `RoleLexicon` gives a
    /// role (not a RAG word or an arrow, which are values), or a period alone (`Jul-24`, `Q3`).
    static func isLabel(_ cell: String) -> Bool {
        let toks = tokens(cell)
        if !toks.isEmpty && toks.contains(where: vocabulary.contains) { return true }
        if RoleLexicon.isPeriodLabel(cell) { return true }
        return RoleLexicon.role(ofRowLabel: cell) != nil && !RoleLexicon.isStatusValue(cell) && !RoleLexicon.isTrendValue(cell)
    }

    /// Whether a row reads as column labels.
    static func isHeaderLike(_ row: [String], next: [String]?) -> Bool {
        let filled = row.filter { !$0.isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ $0.count <= LayoutTolerances.labelMaxLength }) else { return false }
        if filled.contains(where: FigureShape.isFigure) { return false }
        let labelled = filled.filter(isLabel).count
        if Double(labelled) >= LayoutTolerances.headerLabelShare * Double(filled.count) { return true }
        // A blank corner cell over rows that each start with a label: `| 30/04/12 | 31/05/12 …`
        if row.first?.isEmpty == true, filled.count >= LayoutTolerances.cornerHeaderMinCells, let next, next.first?.isEmpty == false { return true }
        return false
    }

    /// `StubLabelOverGroupedHeader` rule: a two-row header with group labels keeps the stub
    /// column's label (`Substance`, `Content domain and process`) in its upper row beside the
    /// group labels, and leaves the corner of the lower row blank; a group label spans blank
    /// cells of the upper row over labels of the lower row (`Frequency of substance abuse`
    /// over `In the last month | In the last year`). Such an upper row is the first header
    /// row, not a caption, though its words are no header vocabulary. Counter-examples: a
    /// caption with its first cell alone filled, an upper row with no label spanning
    /// labels below it, and a title wrapped over two rows (`Table 16.` | `Actual and
    /// projected numbers for …` over `teacher hires, by control of school: …`): group
    /// labels and the labels under them are short.
    static func stubLabelOverGroupedHeader(_ rows: [[String]], at start: Int) -> Bool {
        guard start + 2 < rows.count else { return false }
        let upper = rows[start], lower = rows[start + 1]
        guard upper.first?.isEmpty == false, lower.first?.isEmpty == true, upper.count == lower.count,
              !upper.contains(where: FigureShape.isFigure), isHeaderLike(lower, next: rows[start + 2]) else { return false }
        let short = { (cell: String) in !cell.isEmpty && cell.count <= LayoutTolerances.groupLabelMaxLength }
        for c in 1..<max(1, upper.count - 1) {
            let labelled = short(upper[c]) && short(lower[c])
            let spansNext = upper[c + 1].isEmpty && short(lower[c + 1])
            if labelled && spansNext { return true }
        }
        return false
    }

    /// `NestedGroupHeader` rule: a header of three or more levels: the stub column's label
    /// beside the top group labels, then rows that leave the corner blank and put labels
    /// under blanks that a label of the row above spans (`Women` over `Hispanic |
    /// non-Hispanic` over `no. | Rate | (95% CI)`; `2007` over `Inadequate housing units`
    /// over `no. | (%)`), down to the first row whose corner is filled (the body's first row
    /// label). Returns the number of header rows. Counter-examples: a figure other than a
    /// year among the rows under the stub label, labels under no blank of the
    /// row above (a continuation line), and a header of two levels
    /// (`StubLabelOverGroupedHeader` takes it).
    static func nestedGroupHeaderRows(_ rows: [[String]], at start: Int) -> Int? {
        let label = { (c: String) in c.count <= LayoutTolerances.groupLabelMaxLength && (!FigureShape.isFigure(c) || TableGrid.yearish(c)) }
        guard start < rows.count, rows[start].first?.isEmpty == false, rows[start].allSatisfy(label) else { return nil }
        var k = start + 1
        while k < rows.count, k - start < LayoutTolerances.maxHeaderLevels, rows[k].first?.isEmpty == true,
              rows[k].count == rows[start].count, rows[k].allSatisfy(label), fillsSpan(upper: rows[k - 1], lower: rows[k]) {
            k += 1
        }
        guard k - start >= LayoutTolerances.nestedHeaderMinLevels, k < rows.count, rows[k].first?.isEmpty == false else { return nil }
        return k - start
    }

    /// The lower row puts labels where the upper one is blank, under a spanning label.
    static func fillsSpan(upper: [String], lower: [String]) -> Bool {
        let lowerFilled = lower.indices.filter { !lower[$0].isEmpty }
        guard !lowerFilled.isEmpty else { return false }
        let underBlank = lowerFilled.filter { $0 >= upper.count || upper[$0].isEmpty }.count
        return underBlank >= 1 && lower.first?.isEmpty != false && lowerFilled.count < lower.count
    }
}

/// Recognises cells that are figures (numbers, percentages, money) rather than labels.
public enum FigureShape {
    /// A cell that is essentially one figure: `78.2%*`, `£4.5m`, `86,494`, `(1,234)`.
    public static func isFigure(_ cell: String) -> Bool { SingleFigureScanner.isSingleFigure(cell) }
}
