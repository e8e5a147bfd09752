import Foundation

/// What a column header, a row label or a `Label: value` pair holds in a council
/// performance paper. One role per field of the corpus contract, plus the roles of the
/// activity and finance tables.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// The indicator's name (`Measure`, `Indicator`, `KPI`, `Description`).
    case measure
    /// The indicator's code (`Code`, `PI No.`, `Ref`).
    case code
    /// The figure for the period reported (`Actual`, `Latest`, `Current`, `Outturn`, `Q3 2024/25 Actual`).
    case actual
    /// The figure aimed for (`Target`, `Target 24/25`, `Goal`, `Aim`, `Ambition`).
    case target
    /// The level below which performance is poor (`Floor`, `Floor standard`, `Tolerance`, `Minimum`).
    case floor
    /// The figure for an earlier period (`Previous`, `Last quarter`, `Prior year`, `Baseline`).
    case previous
    /// Statistical neighbours' figure (`Similar authorities`, `Stat neighbours`, `Comparator group`).
    case similarAuthorities
    /// England's (or the national) figure (`National`, `England average`).
    case national
    /// The rating against target (`RAG`, `Rating`, `Status`, `Score`).
    case status
    /// The direction of travel (`DoT`, `Direction of travel`, `Trend`).
    case trend
    /// Which way is good (`Polarity`, `Good is`, `Good performance is`).
    case polarity
    /// The unit the figures are in (`Unit`, `Measured in`).
    case unit
    /// The person responsible for an indicator (`Owner`, `Lead officer`, `Responsible officer`).
    case owner
    /// Narrative about the figure (`Comments`, `Commentary`, `Narrative`, `Notes`).
    case commentary
    /// An action of an action plan (`Key activity`, `Action`, `What we will do`).
    case activity
    /// An action's reference (`Ref`, `No.`).
    case ref
    /// An action's progress text (`Progress`, `Update`).
    case progress
    /// An action's lead (`Lead`, `Led by`).
    case lead
    /// A money column of a budget table (`Budget`, `Forecast`, `Variance`, `Spend`).
    case budget
}

/// The one vocabulary of roles that header detection, column roles, transposed row labels,
/// `Label: value` cards and status repairs all read. Each entry lists the label patterns
/// (ICU regular expressions over the lower-cased label with periods and spanning group
/// labels removed); entries are tried in order and the first that matches wins, so the
/// more specific vocabularies come first (`RAG Previous` is a status, not a previous figure;
/// `Current target` a target, not an actual).
public enum RoleLexicon {
    /// One role and the label patterns that name it.
    public struct Entry: Sendable {
        public var role: Role
        public var patterns: [String]
    }

    /// The lexicon, most specific first.
    public static let entries: [Entry] = [
        Entry(role: .activity, patterns: [#"key activit"#, #"^activit"#, #"^actions?\b"#, #"^key actions?"#,
                                          #"committed to"#, #"^commitments?\b"#, #"what we will do"#, #"^deliverables?\b"#,
                                          #"^milestones?\b"#]),
        Entry(role: .ref, patterns: [#"^ref\b"#, #"^reference"#, #"^no\.?$"#]),
        Entry(role: .code, patterns: [#"^code\b"#, #"^(pi|kpi|npi|indicator|measure) ?(no|ref|code|number|id)\b"#, #"^id$"#]),
        Entry(role: .commentary, patterns: [#"comment"#, #"narrative"#, #"explanation"#, #"\bnotes?\b"#, #"^analysis"#,
                                            #"^remarks?"#, #"^context"#, #"^reasons?\b"#, #"^exception"#]),
        Entry(role: .progress, patterns: [#"progress"#, #"update"#]),
        Entry(role: .status, patterns: [#"\brag\b"#, #"\br\s?/\s?a\s?/\s?g\b"#, #"rating"#, #"status"#, #"^score$"#,
                                        #"traffic light"#, #"red.{0,3}amber.{0,3}green"#, #"^on track\??$"#,
                                        #"^(performance )?against target$"#, #"^assessment$"#]),
        Entry(role: .trend, patterns: [#"\bdot\b"#, #"direction"#, #"trend"#, #"\btravel\b"#, #"^change( since| from|$)"#,
                                       #"^(improving|improved|improvement)\??$"#, #"^better or worse"#]),
        Entry(role: .polarity, patterns: [#"polarity"#, #"good is"#, #"^good performance"#, #"higher or lower"#,
                                          #"is better$"#]),
        Entry(role: .unit, patterns: [#"^units?\b"#, #"^measured (in|as)"#]),
        Entry(role: .similarAuthorities, patterns: [#"similar"#, #"statistical neighbou?rs?"#, #"\bstat\.? neighbou?rs?"#,
                                                    #"comparator group"#, #"^comparators?$"#, #"\bsns?\b( average)?$"#,
                                                    #"nearest neighbou?rs?"#, #"family average"#]),
        Entry(role: .national, patterns: [#"national"#, #"england"#, #"regional average"#, #"^eng\.?$"#]),
        Entry(role: .previous, patterns: [#"previous"#, #"last (year|quarter|qtr|month|period|reported)"#, #"^last$"#,
                                          #"baseline"#, #"prior"#, #"same (period|quarter|time) last year"#]),
        Entry(role: .floor, patterns: [#"floor"#, #"tolerance"#, #"^minimum"#, #"lower limit"#, #"intervention level"#]),
        Entry(role: .target, patterns: [#"^((current|annual|yearly|quarterly|year[- ]end|ytd|end of year|local|stretch|agreed|revised|national|our) )*targets?\b"#, #"^goal"#, #"^aim$"#, #"^ambition"#, #"^expected$"#, #"^plan$"#]),
        Entry(role: .actual, patterns: [#"^actuals?\b"#, #"\bactuals?$"#, #"^latest( (data|figures?|results?|position|performance|value|outturn|quarter|month|period))?$"#,
                                        #"^current( (position|performance|value|figures?|data|quarter|period|month|year|result))?$"#, #"outturn"#,
                                        #"^results?\b"#, #"^(current |latest )?performance$"#, #"^performance to date"#,
                                        #"^this (quarter|qtr|month|period|year)"#, #"^ytd( performance| figures?| result)?$"#, #"^year to date"#,
                                        #"^value$"#, #"^figure$"#, #"^achieved$"#, #"^position$"#, #"^data$"#, #"^now$"#]),
        Entry(role: .owner, patterns: [#"\blead\b"#, #"\bled by\b"#, #"officer"#, #"owner"#, #"responsible"#, #"accountable"#]),
        Entry(role: .measure, patterns: [#"measure"#, #"indicator"#, #"^pi$"#, #"^kpis?\b"#, #"description"#, #"^title"#,
                                         #"^name"#, #"^metric"#, #"^item$"#]),
        Entry(role: .budget, patterns: [#"budget"#, #"forecast"#, #"variance"#, #"spend"#, #"expenditure"#, #"income"#]),
    ]

    /// A spanning group label in front of a leaf label (`Performance Against: Similar Authorities`).
    nonisolated(unsafe) static let groupPrefix = /^[^:]{3,40}:\s+(?=\S)/
    /// Period words inside a label (`Q3 2024/25 Actual`, `Target 21/22`, `Actual (as at Dec 2012)`):
    /// they say which period, not what the column holds.
    static let periodInLabel = #"\((?:as at|at|to)[^)]*\)|\b(?:q[1-4]|qtr\s?[1-4]|quarter\s?[1-4])\b|\b(?:19|20)?\d{2}\s?[/\-–]\s?(?:19|20)?\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-']*(?:19|20)?\d{2}\b|\b(?:19|20)\d{2}\b"#

    /// The label reduced to its role words: lower-cased, group label, period words and
    /// punctuation at its ends removed, whitespace collapsed.
    public static func roleWords(_ label: String) -> String {
        var h = label.lowercased()
        if h.contains(":") { h = h.replacing(groupPrefix, with: "") }
        if mayHoldPeriod(h) {
            let r = PatternCache.regex(periodInLabel)
            h = r.stringByReplacingMatches(in: h, range: NSRange(h.startIndex..., in: h), withTemplate: " ")
        }
        h = h.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return h.trimmingCharacters(in: CharacterSet(charactersIn: " :-–()[]*."))
    }

    /// False for a label `periodInLabel` cannot match, told without the expression (it was
    /// most of looking a label up): each of its forms holds a digit or opens with `(`.
    /// Text beyond ASCII says "maybe" (`\d` also matches other scripts' digits).
    static func mayHoldPeriod(_ label: String) -> Bool {
        label.mayHoldDigit(orAnyOf: [UInt8(ascii: "(")])
    }

    /// The role a column header or row label names, or nil when it names none.
    public static func role(ofLabel label: String) -> Role? {
        // papers repeat the same few header and row labels on every page, and each lookup
        // tries every pattern of the lexicon
        labelRoles.value(for: label) { label in
            let h = roleWords(label)
            guard !h.isEmpty else { return nil }
            let whole = NSRange(location: 0, length: h.utf16.count)
            return compiledEntries.first { $0.anyPattern.firstMatch(in: h, range: whole) != nil }?.role
        }
    }

    /// Each entry's patterns as one alternation, compiled once: a label is matched against
    /// one expression per role, in the lexicon's order, instead of one per pattern through
    /// the shared pattern cache (which took a lock and hashed the pattern on every try).
    /// Per thread (see `PatternCache`: one expression used by two threads at once clones its matcher).
    static var compiledEntries: [(role: Role, anyPattern: NSRegularExpression)] { threadEntries.value.entries }

    /// One thread's compiled alternations.
    final class CompiledEntries {
        let entries: [(role: Role, anyPattern: NSRegularExpression)] = RoleLexicon.entries.map { e in
            (e.role, try! NSRegularExpression(pattern: e.patterns.map { "(?:\($0))" }.joined(separator: "|")))
        }
    }
    static let threadEntries = PerThread { CompiledEntries() }

    /// Roles of labels already looked up.
    static let labelRoles = BoundedMemo<String, Role>(capacity: MemoCapacity.labels)

    /// Longest label, in characters: longer cells are titles or prose, whatever words they hold.
    public static let longestLabel = 40

    /// The role a short row label names (`Latest`, `Target 19/20`, `RAG rating`), or nil for
    /// a longer cell (an indicator's title that happens to hold a role word).
    public static func role(ofRowLabel label: String) -> Role? {
        label.count <= longestLabel ? role(ofLabel: label) : nil
    }

    /// A label that is a period alone, in any common spelling: a month (`Jul-24`, `Apr 24`,
    /// `April 2024`, `Sept`), a quarter (`Q3`, `Qtr 3`, `Quarter 3`, `Q3 24/25`), a financial
    /// year (`2024/25`, `24/25`, `2024-25`, `2024/2025`, `FY 2024/25`) or a date (`30/06/2024`).
    /// Which day it ends on is `PeriodParser.periodEnd(ofLabel:)`'s business.
    public static let periodLabel = #"^(?i)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:[\s\-'’]*(?:19|20)?\d{2})?|(?:q|qtr|quarter)\s?[1-4](?:\s*[,\-–]?\s*(?:19|20)?\d{2}\s?[/\-–]\s?(?:19|20)?\d{2})?|(?:fy\s?)?(?:19|20)?\d{2}\s?[/\-–]\s?(?:19|20)?\d{2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2})$"#

    /// Longest period label, in characters (`Quarter 3 2024/2025` and the like): a longer
    /// cell is a title or prose, whatever date it holds.
    public static let longestPeriodLabel = 24

    /// Whether a label is a period alone (see `periodLabel`). Answers are remembered: a
    /// paper repeats its column labels on every page and layout asks about each cell.
    public static func isPeriodLabel(_ label: String) -> Bool {
        periodLabels.value(for: label) { label in
            let t = label.trimmingCharacters(in: periodLabelTrim)
            return t.count <= longestPeriodLabel && mayBePeriodLabel(t) && t.matches(pattern: periodLabel)
        } ?? false
    }

    /// What a period label may be wrapped in (`(Q3)`, `Apr-24:`).
    public static let periodLabelTrim = CharacterSet(charactersIn: " .,:;*()")
    /// Labels already asked about.
    static let periodLabels = BoundedMemo<String, Bool>(capacity: MemoCapacity.labels)

    /// Month names as `periodLabel` starts them.
    static let monthPrefixes: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// False for a label `periodLabel` cannot match, told without the expression (it was
    /// a fifth of laying out a page): every form but a month alone holds a digit, and a
    /// month alone starts with a month's name. Text beyond ASCII says "maybe" (`\d` also
    /// matches other scripts' digits).
    static func mayBePeriodLabel(_ t: String) -> Bool {
        var ascii = true
        for b in t.utf8 {
            if b >= 0x30 && b <= 0x39 { return true }
            if b >= 0x80 { ascii = false }
        }
        return !ascii || monthPrefixes.contains(String(t.prefix(3)).lowercased())
    }

    /// The roles whose values are indicator figures.
    public static let figureRoles: Set<Role> = [.actual, .target, .floor, .previous, .similarAuthorities, .national]

    /// RAG words and status phrases a status cell prints (as printed, lower-case).
    public static let statusWords: [String] = ["red", "amber", "green", "blue", "gold", "grey", "gray",
                                               "on track", "off track", "on target", "off target",
                                               "met", "not met", "achieved", "not achieved"]
    /// A whole cell that is a status: a RAG word or phrase, optionally in brackets, or a status symbol.
    public static let statusValue = #"^(?i)\(?\s*(?:red|amber|green|blue|gold|grey|gray|r|a|g|amber\s?/\s?(?:red|green)|(?:red|green)\s?/\s?amber|on track|off track|on target|off target|not met|met|achieved|not achieved)\s*\)?$|^[★☆●○◆♦▲△✓✔✗✘]$"#
    /// A whole cell that is a direction of travel: an arrow or a trend word.
    public static let trendValue = "^(?i)(?:[" + String(trendArrows.sorted()) + "=]|" + #"improv\w*|worse\w*|deteriorat\w*|declin\w*|no change|unchanged|stable|same|static|better|up|down)$"#

    /// Whether a cell is a RAG word, status phrase or status symbol.
    public static func isStatusValue(_ s: String) -> Bool {
        s.trimmingWhitespace().matches(pattern: statusValue)
    }

    /// RAG colours a status cell prints (lower-case).
    public static let ragColours: Set<String> = ["red", "amber", "green", "blue", "gold", "grey", "gray"]
    /// Arrows a direction-of-travel cell prints.
    public static let trendArrows: Set<Character> = ["↑", "↓", "→", "↗", "↘", "⇑", "⇓", "⇒", "⬆", "⬇", "➡", "▲", "▼", "◄", "►", "↔"]

    /// Whether a cell is a rating mark and nothing else: a RAG colour (`GREEN`) or an arrow
    /// (`↓`). Unlike a trend or status word (`Improved`, `Achieved`), it never labels a column.
    public static func isRatingMark(_ s: String) -> Bool {
        let t = s.trimmingWhitespace()
        if t.count == 1, let c = t.first, trendArrows.contains(c) { return true }
        return ragColours.contains(t.lowercased())
    }

    /// Whether a cell is an arrow or a trend word.
    public static func isTrendValue(_ s: String) -> Bool {
        s.trimmingWhitespace().matches(pattern: trendValue)
    }
}
