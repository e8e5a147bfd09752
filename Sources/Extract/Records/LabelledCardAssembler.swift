import Foundation
import ScrutinyCore
import Normalise

/// KPI cards: a title line (its RAG word often at the right margin), then one or two lines
/// of labelled values in any order — `Latest: 94%   Target: 90%, Floor: 85%   Previous:
/// 89% (Amber)   DoT: ↓`. Labels are read through `RoleLexicon`, so `Actual`, `Current`,
/// `Outturn`, `Target 24/25`, `Floor standard`, `Tolerance`, `Last quarter`, `RAG rating`
/// all count. One reading per card, for the report's own period.
struct LabelledCardAssembler: RecordAssembler {
    var name: String { "labelled card" }

    /// One `Label: value` pair of a card line.
    struct LabelledValue: Equatable, Sendable {
        var role: Role
        var label: String
        var value: String
    }

    /// A line of the document as the card reader walks it.
    struct Line {
        var cells: [String]
        var block: Int
        var at: Provenance
        var confidence: Double?
    }

    /// Limits of what a card line looks like (longer values are prose, not a card).
    typealias Limits = ExtractTolerances.Card

    func readings(in context: AssemblyContext) -> [IndicatorReading] {
        let lines = Self.lines(of: context.blocks)
        var out: [IndicatorReading] = []
        var i = 0
        while i < lines.count {
            var values = Self.labelledValues(lines[i].cells)
            guard Self.isCard(values) else { i += 1; continue }
            let first = i
            // a card wrapped over a second line of labelled values with other roles
            if i + 1 < lines.count {
                let more = Self.labelledValues(lines[i + 1].cells)
                let roles = Set(values.map(\.role))
                if more.count >= 1, !more.contains(where: { roles.contains($0.role) }),
                   more.allSatisfy({ $0.value.count <= Limits.figureValueLength }) {
                    values += more
                    i += 1
                }
            }
            i += 1
            guard let (title, statusText) = Self.title(before: first, in: lines) else { continue }
            var (code, name) = IndicatorCode.split(title)
            name = LayoutQuirks.cleanTitle(name)
            guard !name.isEmpty else { continue }
            let line = lines[first]
            var r = IndicatorReading(title: name, code: code, periodEnd: context.meta.asAt, at: line.at)
            r.section = ExtractText.heading(before: Self.titleBlock(before: first, in: lines), in: context.blocks)
            r.confidence = line.confidence
            for v in values where r[v.role] == nil { r[v.role] = v.value }
            if r[.status] == nil { r[.status] = statusText ?? r[.actual].flatMap(Self.bracketedStatus) }
            if code == nil, let c = r[.code] { code = c; r.code = c }
            out.append(r)
        }
        return out
    }

    /// Every line of the document in reading order: paragraph lines as one cell each; a
    /// table's caption lines, then its header and body rows, each row cut into the visual
    /// lines its cells print (a cell holding a title over a line of labelled values gives
    /// two lines, the row's other cells sharing out their own lines in step).
    static func lines(of blocks: [Block]) -> [Line] {
        var out: [Line] = []
        for (bi, b) in blocks.enumerated() {
            switch b {
            case .paragraph(let p):
                for (k, l) in p.lines.enumerated() where !l.trimmingWhitespace().isEmpty {
                    out.append(Line(cells: [l], block: bi, at: Provenance(page: p.at.page, line: p.at.line + k), confidence: p.confidence))
                }
            case .table(let t):
                for c in t.captionLines ?? t.caption.map { [$0] } ?? [] { out.append(Line(cells: [c], block: bi, at: t.at)) }
                for h in t.headerRows { out += visualLines(h, block: bi, at: t.at, confidence: nil) }
                for row in t.rows { out += visualLines(row.cells, block: bi, at: row.at, confidence: row.confidence) }
            }
        }
        return out
    }

    /// A row's cells cut at their line breaks into the visual lines they print.
    static func visualLines(_ cells: [String], block: Int, at: Provenance, confidence: Double?) -> [Line] {
        var split = cells.map { $0.lines(omittingEmpty: false) }
        // a cell of labelled values beside a title-over-values cell prints on the values' line
        // (`Previous: 14.3 (Green)` level with `Actual: 15.0 Target: 15.4`, not with the title)
        if let valuesLine = split.lazy.compactMap({ $0.firstIndex(where: { !labelledValues([$0]).isEmpty }) }).max(), valuesLine > 0 {
            for c in split.indices where split[c].count == 1 && !labelledValues([split[c][0]]).isEmpty {
                split[c] = Array(repeating: "", count: valuesLine) + split[c]
            }
        }
        let depth = split.map(\.count).max() ?? 0
        guard depth > 1 else { return [Line(cells: cells, block: block, at: at, confidence: confidence)] }
        return (0..<depth).map { k in
            Line(cells: split.map { k < $0.count ? $0[k] : "" }, block: block, at: at, confidence: confidence)
        }
    }

    /// A card line: labelled values of at least two roles, an actual or a target among
    /// them holding a figure, and every figure, status or trend value short.
    static func isCard(_ values: [LabelledValue]) -> Bool {
        let roles = Set(values.map(\.role))
        guard roles.count >= Limits.cardRoles else { return false }
        let shortRoles = RoleLexicon.figureRoles.union([.status, .trend])
        guard values.filter({ shortRoles.contains($0.role) }).allSatisfy({ $0.value.count <= Limits.figureValueLength }) else { return false }
        return values.contains { ($0.role == .actual || $0.role == .target) && RecordBuilder.isFigure($0.value) }
    }

    /// The title above card line `index`: the line before it, with a status word at its
    /// right margin (its own cell, or a capitalised RAG word ending the text) taken off as
    /// the card's status; a title wrapped over lines (the lower ones starting in lower case)
    /// is joined back, up to `Limits.titleLines` lines.
    static func title(before index: Int, in lines: [Line]) -> (String, String?)? {
        var text = ""
        var status: String?
        var k = index - 1
        var taken = 0
        while k >= 0, taken < Limits.titleLines {
            // (a speck beside a title line, or an arrow a scan reads as a letter or two, is no
            // cell of it: a title cell has words)
            var cells = lines[k].cells.map { TextCleaner.collapseWhitespace($0) }
                .filter { RoleLexicon.isStatusValue($0) || ($0.count > Limits.speckLength && $0.contains { $0.isLetter || $0.isNumber }) }
            guard !cells.isEmpty, !isCard(labelledValues(lines[k].cells)) else { break }
            if cells.count >= Limits.titleWithStatusCells, let last = cells.last, RoleLexicon.isStatusValue(last) {
                status = status ?? last
                cells.removeLast()
            }
            guard cells.count == 1 else { break }
            text = text.isEmpty ? cells[0] : cells[0] + " " + text
            taken += 1
            // a line starting in lower case continues the line above it
            guard let first = cells[0].first, first.isLowercase else { break }
            k -= 1
        }
        guard !text.isEmpty else { return nil }
        if status == nil, let m = text.firstMatch(of: trailingStatus) {
            status = String(m.output.word)
            text = String(text[..<m.range.lowerBound])
        }
        guard text.count <= Limits.titleLength, text.contains(where: \.isLetter), !RecordBuilder.isFigure(text),
              !ExtractText.isProse(text), labelledValues([text]).isEmpty else { return nil }
        return (text, status)
    }

    /// The block of the top line of the title above card line `index`.
    static func titleBlock(before index: Int, in lines: [Line]) -> Int {
        var k = index - 1
        while k > 0, let first = lines[k].cells.first(where: { !$0.isEmpty })?.trimmingWhitespace().first,
              first.isLowercase { k -= 1 }
        return k >= 0 ? lines[k].block : lines[index].block
    }

    /// A RAG word printed in capitals or brackets at the end of a title (`… in time GREEN`).
    nonisolated(unsafe) static let trailingStatus = /\s+[(\[]?(?<word>RED|AMBER|GREEN|BLUE|Red|Amber|Green|Blue)[)\]]?$/.wordBoundaryKind(.simple)
    /// A status in brackets after a figure (`94% (Green)`).
    nonisolated(unsafe) static let bracketStatus = /\((?<word>[A-Za-z][A-Za-z ]{1,12})\)/

    static func bracketedStatus(_ value: String) -> String? {
        guard let m = value.firstMatch(of: bracketStatus), RoleLexicon.isStatusValue(String(m.output.word)) else { return nil }
        return String(m.output.word)
    }

    /// The labelled values of a line's cells. A label is the shortest run of words before a
    /// colon that `RoleLexicon` gives a role, widened over words of the same role and
    /// period words (`Q3 2024/25 Actual`); its value runs to the next label. A cell opening
    /// with a figure role's words and a figure (`Actual 49`) is read as if it had a colon.
    static func labelledValues(_ cells: [String]) -> [LabelledValue] {
        var out: [LabelledValue] = []
        for raw in cells {
            guard mayHoldLabelledValue(raw) else { continue }
            let cell = withColonAfterLeadingLabel(TextCleaner.collapseWhitespace(raw))
            guard cell.utf8.contains(UInt8(ascii: ":")), cell.contains(":") else { continue }
            var labels: [(role: Role, label: String, start: String.Index, valueStart: String.Index)] = []
            var search = cell.startIndex
            while let colon = cell[search...].firstIndex(of: ":") {
                let before = cell[..<colon]
                if let (role, labelStart) = label(endingAt: before) {
                    labels.append((role, TextCleaner.collapseWhitespace(String(cell[labelStart..<colon])), labelStart, cell.index(after: colon)))
                }
                search = cell.index(after: colon)
            }
            for (n, l) in labels.enumerated() {
                let end = n + 1 < labels.count ? labels[n + 1].start : cell.endIndex
                guard l.valueStart <= end else { continue }
                let value = String(cell[l.valueStart..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;|\t"))
                guard !value.isEmpty else { continue }
                out.append(LabelledValue(role: l.role, label: l.label, value: value))
            }
        }
        return out
    }

    /// False for a cell that cannot hold a labelled value: it has no colon, and it gets none
    /// from `withColonAfterLeadingLabel`, which needs a digit (a byte outside ASCII may be
    /// part of one, so it keeps the cell in).
    static func mayHoldLabelledValue(_ raw: String) -> Bool {
        raw.mayHoldDigit(orAnyOf: [UInt8(ascii: ":")])
    }

    /// The role and start of the label that ends right before a colon, if any.
    static func label(endingAt text: Substring) -> (Role, String.Index)? {
        // words back from the colon, stopping at a list separator
        var words: [Range<String.Index>] = []
        var end = text.endIndex
        var i = text.endIndex
        while i > text.startIndex, words.count < Limits.labelWords {
            let j = text.index(before: i)
            let c = text[j]
            if c == "," || c == ";" || c == "|" || c == "\t" { break }
            if c == " " {
                if i < end { words.append(i..<end) }
                end = j
            }
            i = j
        }
        if i < end, words.count < Limits.labelWords { words.append(i..<end) }
        var found: (Role, String.Index)?
        for k in words.indices {
            let phrase = String(text[words[k].lowerBound..<text.endIndex])
            if let f = found {
                // widen over words of the same role or period words, never over a figure or a status
                let word = String(text[words[k]])
                let isPeriod = PeriodParser.financialYear(in: word) != nil || PeriodParser.quarter(in: word) != nil
                guard !RecordBuilder.isFigure(word) || isPeriod, !RoleLexicon.isStatusValue(word),
                      isPeriod || RoleLexicon.role(ofLabel: phrase) == f.0 else { break }
                found = (f.0, words[k].lowerBound)
            } else if let role = RoleLexicon.role(ofLabel: phrase), !RoleLexicon.roleWords(phrase).isEmpty {
                found = (role, words[k].lowerBound)
            }
        }
        return found
    }

    /// `Actual 49` → `Actual: 49`: a cell opening with a figure role's words and a figure.
    static func withColonAfterLeadingLabel(_ cell: String) -> String {
        // most cells cannot match `leadingLabel`: no letter first, or no digit at all
        guard let first = cell.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              cell.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
                || cell.unicodeScalars.contains(where: { $0.properties.generalCategory == .decimalNumber }) else { return cell }
        guard let wordsEnd = leadingLabelEnd(cell),
              // `Target 21/22: 48`: the figure after the words is a period under its own colon
              cell[wordsEnd...].firstMatch(of: periodThenColon) == nil,
              let role = RoleLexicon.role(ofLabel: String(cell[..<wordsEnd])), RoleLexicon.figureRoles.contains(role)
        else { return cell }
        return String(cell[..<wordsEnd]) + ": " + cell[wordsEnd...].trimmingWhitespace()
    }

    /// Where `leadingLabel`'s words end in a cell, or nil when it does not match. An ASCII
    /// cell is read byte by byte (the expression was most of reading a card); any other
    /// cell, or one holding a carriage return (`\r\n` is one character), goes to the expression.
    static func leadingLabelEnd(_ cell: String) -> String.Index? {
        guard cell.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return cell.firstMatch(of: leadingLabel)?.output.words.endIndex
        }
        let b = Array(cell.utf8)
        func isLetter(_ c: UInt8) -> Bool { LayoutQuirks.isASCIILetter(c) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        guard let first = b.first, isLetter(first) else { return nil }
        // the shortest run of words (letters, apostrophes, spaces after the first letter)
        // followed by white space and a figure, an optional sign or bound before it
        var end = 1
        while end < b.count, end <= Limits.leadingLabelLength {
            let c = b[end]
            guard isLetter(c) || c == 0x20 || c == UInt8(ascii: "'") else { return nil }
            end += 1
            var k = end
            while k < b.count, isSpace(b[k]) { k += 1 }
            guard k > end, k < b.count else { continue }
            let figureAt = "-<>".utf8.contains(b[k]) ? k + 1 : k
            if figureAt < b.count, isDigit(b[figureAt]) { return cell.utf8.index(cell.utf8.startIndex, offsetBy: end) }
        }
        return nil
    }

    nonisolated(unsafe) static let periodThenColon = /^\s*\S+\s*:/
    nonisolated(unsafe) static let leadingLabel = try! Regex(
        #"^(?<words>[A-Za-z][A-Za-z' ]{1,"# + String(Limits.leadingLabelLength) + #"}?)\s+(?=[-–£<>]?\d)"#,
        as: (Substring, words: Substring).self)
}
