import Foundation
import ScrutinyCore
import Normalise

/// Walks a scorecard paper's lines and tables in print order and collects its indicators:
/// its state is named below, and each kind of line has one rule (one method) that reads it.
/// A line is read by the first rule it fires, in the order of `readLine`.
///
/// A scorecard prints, per indicator: a status heading it is grouped under (`RED DIAMOND`),
/// a title line (`NI 117: Title`), field lines (`Owner: … Polarity: … Unit: …`), a monthly
/// grid (a table), then a `Latest Comments:` heading, a `Comment Author:` line and the
/// comment text. A short name line right above a status heading names a section.
struct ScorecardReader {
    typealias Indicator = ScorecardAssembler.Indicator
    typealias Event = ScorecardAssembler.Event

    /// The indicators read so far that got a grid.
    private(set) var indicators: [Indicator] = []
    /// The indicator being read, from its title line until the next title or status
    /// heading after its grid.
    var current: Indicator?
    /// Fields that wait for the next indicator (see `assignField`).
    var pendingFields: [String: String] = [:]
    /// The status heading the next indicators are grouped under, until the next one.
    var pendingStatus: String?
    /// The section (a service or its head) the next indicators sit in.
    var section: String?
    /// Whether the lines now read are the current indicator's latest comments.
    var inComments = false

    /// Reads every line and table in order, then finishes the last indicator.
    mutating func read(_ events: [Event]) {
        for (i, e) in events.enumerated() {
            switch e {
            case .table(let t): readTable(t)
            case .line(let line, let p): readLine(line, in: p, next: Self.line(after: i, in: events))
            }
        }
        finish()
    }

    /// The line printed right after event `i`, if the next event is a line (not a table).
    static func line(after i: Int, in events: [Event]) -> String? {
        guard i + 1 < events.count, case .line(let l, _) = events[i + 1] else { return nil }
        return l
    }

    /// Rule GridFollowsTitle: an indicator's monthly grid is the first grid after its title
    /// line; a grid with no indicator waiting for one (before any title, or a second grid)
    /// is no indicator's. Any table ends a comment block.
    mutating func readTable(_ t: Table) {
        inComments = false
        if ScorecardAssembler.isGrid(t), current != nil, current?.grid == nil { current?.grid = t }
    }

    /// A paragraph line: the first rule that fires reads it; a line no rule reads is comment
    /// text or nothing (`readComment`).
    mutating func readLine(_ line: String, in p: Paragraph, next: String?) {
        let text = line.trimmingWhitespace()
        if readStatusHeading(text) || readTitle(text, at: p.at) || readFields(text, next: next)
            || readCommentsHeading(text) || Self.isCommentAuthor(text) || readSectionName(text, next: next)
            || Self.isPeriodHeading(text, in: p) { return }
        readComment(text)
    }

    /// Rule StatusHeadingGroups: a status heading (`RED DIAMOND`, `4+ GREEN PLUS`) holds for
    /// the indicators printed under it, until the next heading; it ends an indicator whose
    /// grid has been read. Counter-example: a sentence that starts with the words
    /// (`GREEN PLUS targets were met`) is no heading.
    mutating func readStatusHeading(_ text: String) -> Bool {
        guard let status = ScorecardAssembler.statusWords(text) else { return false }
        pendingStatus = status
        inComments = false
        if current?.grid != nil { finish() }
        return true
    }

    /// Rule TitleStartsIndicator: a `CODE: Title` line (or `NI064 Title …`) starts a new
    /// indicator, under the current section and status heading and with the fields that
    /// waited for it; a second code in brackets (`NI 117 (LPI 12)`) is dropped. Only once
    /// the indicator before it has its grid, and never a line starting `Comment`.
    /// Counter-examples: a title-like line between a title and its grid (a subtitle of that
    /// indicator's card); a code followed by figures (`NI117 12.39`).
    mutating func readTitle(_ text: String, at: Provenance) -> Bool {
        guard let (code, title) = ScorecardAssembler.titleParts(text), current?.grid != nil || current == nil,
              !text.lowercased().hasPrefix("comment") else { return false }
        finish()
        var indicator = Indicator(code: IndicatorCode.normalise(code.replacing(rxBracketedSecondCode, with: "")),
                                  title: LayoutQuirks.cleanTitle(title), section: section,
                                  statusText: pendingStatus, at: at)
        indicator.fields = pendingFields
        pendingFields = [:]
        current = indicator
        inComments = false
        return true
    }

    /// Rule FieldLine: a short line with field labels (`Owner: … Polarity: … Unit: …`)
    /// gives the indicator its fields (`assignField`). Counter-example: a line of prose
    /// `Limits.fieldLineLength` characters or longer that happens to hold `owner:`.
    mutating func readFields(_ text: String, next: String?) -> Bool {
        // a field label ends in a colon: a line without one is not searched
        guard text.utf8.contains(UInt8(ascii: ":")), text.count < ScorecardAssembler.Limits.fieldLineLength,
              text.firstMatch(of: ScorecardAssembler.fieldLabel) != nil else { return false }
        for (key, value) in ScorecardAssembler.parseFields(text, nextLine: next) { assignField(key, value) }
        return true
    }

    /// Rule FieldAfterGridWaits: fields print above an indicator's grid, but some papers
    /// print them after it; a field after the grid goes to the current indicator while it
    /// has none of that kind and no field is already waiting, else it waits for the next
    /// indicator (and once one field waits, the ones after it wait too).
    mutating func assignField(_ key: String, _ value: String) {
        if var c = current, c.grid == nil || (c.fields[key] == nil && pendingFields.isEmpty) {
            c.fields[key] = value
            current = c
        } else {
            pendingFields[key] = value
        }
    }

    /// Rule LatestCommentsHeading: `Latest Comments:` on its own line opens the comment
    /// block. Counter-example: a sentence that starts with the words.
    mutating func readCommentsHeading(_ text: String) -> Bool {
        guard text.matches(pattern: #"^(?i)latest comments?\s*:?$"#) else { return false }
        inComments = true
        return true
    }

    /// Rule CommentAuthorLine: the `Comment Author: … Comment Subject: …` line of a comment
    /// block is its byline, not comment text.
    static func isCommentAuthor(_ text: String) -> Bool {
        text.matches(pattern: #"^(?i)comment author\s*:"#)
    }

    /// Rule SectionAboveStatusHeading: a short name line right before a status heading is
    /// a section (the service or its head) for the indicators after it; it clears the
    /// status heading before it and ends a comment block. Counter-examples: the same line
    /// with no status heading after it; a sentence (`ScorecardAssembler.looksLikeSectionName`).
    mutating func readSectionName(_ text: String, next: String?) -> Bool {
        guard let next, ScorecardAssembler.statusWords(next) != nil,
              ScorecardAssembler.looksLikeSectionName(text) else { return false }
        section = text
        pendingStatus = nil
        inComments = false
        return true
    }

    /// Rule PeriodHeadingSkipped: a heading naming the financial year (a page header such
    /// as `Performance Report 2012/13` carried into the text) is no comment text.
    /// Counter-example: the same words in a plain paragraph.
    static func isPeriodHeading(_ text: String, in p: Paragraph) -> Bool {
        p.headingLevel != nil && PeriodParser.financialYear(in: text) != nil
    }

    /// Rule CommentText: inside a comment block, a line no other rule reads is comment text
    /// of the current indicator, once it has its grid. Counter-example: the same line
    /// outside a comment block (before `Latest Comments:`, or after a table) is dropped.
    mutating func readComment(_ text: String) {
        if inComments, current != nil, current?.grid != nil { current?.comments.append(text) }
    }

    /// Rule IndicatorNeedsGrid: an indicator ends at the next title or at a status heading
    /// after its grid; it is kept only with a grid (a title with no grid gives no figures).
    mutating func finish() {
        if let c = current, c.grid != nil { indicators.append(c) }
        current = nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A second code in brackets after a title line's code (`NI 117 (LPI 12)`), with the space before it.
nonisolated(unsafe) private let rxBracketedSecondCode = /\s*\(.*\)$/
