import Foundation
import ScrutinyCore

/// Finds the council a paper belongs to from what it prints, among the councils of
/// `Councils` (every council of England, Wales and Scotland since 2009), and returns its short
/// canonical name.
///
/// Evidence, strongest first:
/// - a council pattern: `Reading Borough Council`, `Doncaster MBC`, `London Borough of Sutton`,
///   `City of Bradford Metropolitan District Council`, `Council of the Isles of Scilly`, or an
///   e-mail or web domain (`@kirklees.gov.uk`);
/// - a plain mention of a county's or unitary, metropolitan, London, Welsh or Scottish
///   council's name (`Doncaster`), never of a district's (a district is named after its town:
///   a plain `Dartford` is the town) nor of a name that is also a word or a person's name
///   (`Reading`, `Bury`, `Sutton`: see `wordNames`); a county named as a place (`Kent`,
///   `Virtual School Kent`) counts a quarter (`placeNames`).
///
/// Rule MostSpecificCouncilWins: a paper names its own council on its cover (the first page,
/// or the opening lines of a text export) or in its running headers; a council it works with
/// or reports to is named in passing further on. So a council named in a council pattern on
/// the cover beats any council named only further on, however often. Among councils named on
/// the cover, the one named there most wins; where a district and its own county are named
/// there equally (`Dartford Borough Council … report to … Kent County Council`), the district
/// wins: the paper is the district's, the county is whom it addresses. With no council named
/// on the cover, the best-supported council over the whole text wins, a district again beating
/// its county on a tie.
public struct AuthorityFinder: Sendable {
    /// The cover's extent and the points of each kind of mention.
    typealias Limits = ExtractTolerances.Authority

    public init() {}

    /// Council names that are also everyday words, people's or other places' names, or
    /// acronyms: counted only in a council pattern, never as plain mentions.
    static let wordNames: Set<String> = [
        "Reading", "Bury", "Sutton", "Halton", "Poole", "Rutland", "York", "Durham", "Newcastle", "Hull", "Dorset",
        "Kent", "Derby", "Wigan", "Essex", "Brent", "Cumberland", "City of London", "Edinburgh", "Newport",
        "Highland", "Angus", "Stirling", "Moray", "BCP", "Southend",
    ]

    /// Names in `wordNames` that are places (not words or people's names): a plain mention is
    /// weak evidence, many of them (`Kent` 18 times against `Medway` twice) decide.
    static let placeNames: Set<String> = ["Kent", "Essex", "Dorset", "Durham", "Rutland", "York", "Derby", "Wigan",
                                          "Hull", "Newcastle"]

    public func find(in doc: LaidOutDocument) -> String? {
        var cover = doc.runningHeaders
        var body: [String] = []
        func add(_ text: String, at: Provenance) {
            if Self.onCover(at) { cover.append(text) } else { body.append(text) }
        }
        for b in doc.blocks {
            switch b {
            case .paragraph(let p): add(p.text, at: p.at)
            case .table(let t):
                for r in t.headerRows { add(r.joined(separator: " "), at: t.at) }
                for r in t.rows { add(r.cells.joined(separator: " "), at: r.at) }
            }
        }
        return find(cover: cover.joined(separator: "\n"), body: body.joined(separator: "\n"))
    }

    /// The council of a text: its first `Limits.coverLineLimit` lines are its cover.
    public func find(inText text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return find(cover: lines.prefix(Limits.coverLineLimit).joined(separator: "\n"),
                    body: lines.dropFirst(Limits.coverLineLimit).joined(separator: "\n"))
    }

    /// The council of a paper from its cover (first page, running headers) and the rest.
    public func find(cover: String, body: String) -> String? {
        let evidence = Self.evidence(in: cover + "\n" + body, coverLength: (cover as NSString).length + 1)
        // MostSpecificCouncilWins: a council named on the cover beats any named further on
        let onCover = evidence.filter { $0.coverMentions > 0 }
        if !onCover.isEmpty { return Self.best(onCover, by: { Double($0.coverMentions) })?.name }
        return Self.best(evidence.filter { $0.score >= Limits.minimumScore }, by: \.score)?.name
    }

    /// Whether a block sits on the cover: page 1, or the opening lines of a text without pages.
    static func onCover(_ at: Provenance) -> Bool {
        if let page = at.page { return page == 1 }
        return at.line < Limits.coverLineLimit
    }

    /// What a text says for one council.
    struct Evidence {
        let name: String
        let county: String?
        /// Council-pattern mentions (and domains) on the cover.
        var coverMentions = 0
        var score = 0.0
        /// Where the council is first named (UTF-16 offset).
        var first = Int.max
    }

    /// The evidence with the highest `key`; on a tie a district beats its own county, then
    /// the higher score, then the council named first, then the name in alphabetical order, so
    /// the answer never depends on the order the evidence was gathered in.
    static func best(_ evidence: [Evidence], by key: (Evidence) -> Double) -> Evidence? {
        guard let top = evidence.map(key).max() else { return nil }
        let tied = evidence.filter { key($0) == top }
        let counties = Set(tied.compactMap(\.county))
        return tied.filter { !counties.contains($0.name) }.min { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.first != b.first { return a.first < b.first }
            return a.name < b.name
        }
    }

    /// One printed form of a council's name (its name or an alias) and how to find it.
    struct NameForm: Sendable {
        let text: String
        let council: String
        let county: String?
        /// Words that must all be in the text (`TextWords`) before the name is looked for.
        let words: [String]
        /// The name as a pattern (`namePattern`).
        let pattern: String
        /// The name as a web or e-mail domain label (`kirklees` in `@kirklees.gov.uk`).
        let domain: String
        /// Points for a plain mention (0: council patterns only).
        let plainPoints: Double
    }

    /// Words that make the name after them a council's: `London Borough of Sutton`,
    /// `City and County of Swansea`, `Council of the Isles of Scilly`, `Comhairle nan Eilean Siar`.
    static let councilPrefix = #"london borough of|royal borough of|metropolitan borough of|borough of|city and county of|city of|county of|council of(?:\s+the)?|comhairle nan"#
    /// Words that make the name before them a council's: `… Council`, `… Metropolitan Borough
    /// Council`, `… County Borough Council`, `… MBC`; a `Town Council` or `Parish Council` is not
    /// a council of the table and does not count. The plural names a county's districts
    /// together (`Grants to Kent District Councils`): only the county's papers, or its districts'
    /// (which name themselves on their covers), speak of them so, so it counts for the county.
    static let councilSuffix = #"(?:\s+(?:metropolitan|royal|city|county|borough|district))*\s+(?:(?:councils?|corporation|mbc)\b|m\.b\.c\b)"#

    /// Every printed form of every council's name, from `Councils`.
    static let forms: [NameForm] = {
        var seen: Set<String> = []
        var out: [NameForm] = []
        for c in Councils.all {
            for text in c.names where seen.insert(text).inserted {
                let words = text.lowercased().split { !($0.isASCII && $0.isLetter) }.map(String.init)
                    .filter { $0.count >= Limits.shortestWord && $0 != "and" }
                let points = c.kind == .district ? 0 : placeNames.contains(text) ? Limits.placePoints
                    : wordNames.contains(text) ? 0 : Limits.plainPoints
                out.append(NameForm(text: text, council: c.name, county: c.county, words: words, pattern: namePattern(text),
                                    domain: String(text.lowercased().filter { $0.isLetter && $0.isASCII }),
                                    plainPoints: points))
            }
        }
        return out
    }()

    /// Forms by `key` of their text.
    static let formsByKey: [String: NameForm] = Dictionary(forms.map { (key($0.text), $0) }, uniquingKeysWith: { a, _ in a })

    /// A name as a pattern: words separated by any white space, `and` or `&`, a hyphen or a space.
    static func namePattern(_ name: String) -> String {
        name.split(separator: " ").map { word -> String in
            if word == "and" { return "(?:and|&)" }
            return word.split(separator: "-").map { NSRegularExpression.escapedPattern(for: String($0)) }
                .joined(separator: "(?:-|\\s+)")
        }.joined(separator: "\\s+")
    }

    /// A mention of a council's name: where, and whether in a council pattern.
    struct Mention {
        let council: String
        let name: NSRange
        let start: Int
        let councilPattern: Bool
        let plainPoints: Double
    }

    /// The evidence for every council the text names; the first `coverLength` UTF-16 units
    /// are the cover.
    static func evidence(in text: String, coverLength: Int) -> [Evidence] {
        let words = TextWords(text)
        let present = forms.filter { $0.words.allSatisfy { words.contains($0) } }
        guard !present.isEmpty else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var mentions: [Mention] = []
        var counties: [String: String] = [:]
        for form in present { counties[form.council] = form.county }
        // one pass for every name the text may hold, longest first so that a longer name
        // wins where a shorter one starts it (`Wyre Forest` over `Wyre`)
        let alternatives = present.sorted { $0.text.count > $1.text.count }.map(\.pattern).joined(separator: "|")
        // compiled per text, not cached: the set of names differs from paper to paper
        guard let names = try? NSRegularExpression(pattern: "(?i)\\b(\(alternatives))\\b(\(councilSuffix))?") else { return [] }
        for m in names.matches(in: text, range: whole) {
            let name = m.range(at: 1)
            guard let form = formsByKey[key(ns.substring(with: name))] else { continue }
            let strong = m.range(at: 2).location != NSNotFound || hasCouncilPrefix(ns, before: name.location)
            let plain = !strong && normalised(ns.substring(with: name)) == normalised(form.text) ? form.plainPoints : 0
            mentions.append(Mention(council: form.council, name: name, start: name.location,
                                    councilPattern: strong, plainPoints: plain))
        }
        for form in present where words.contains(form.domain) && words.contains("gov") {
            let domain = "(?i)[@.]" + form.domain + "\\.gov\\.uk\\b"
            for m in PatternCache.regex(domain).matches(in: text, range: whole) {
                mentions.append(Mention(council: form.council, name: m.range, start: m.range.location,
                                        councilPattern: true, plainPoints: 0))
            }
        }
        // a name inside a longer one is part of it: `Lincolnshire` in `North Lincolnshire Council`
        mentions.sort { ($0.name.location, -$0.name.length) < ($1.name.location, -$1.name.length) }
        var reach = -1
        var evidence: [String: Evidence] = [:]
        for m in mentions {
            let end = m.name.location + m.name.length
            defer { reach = max(reach, end) }
            if end <= reach { continue }
            var e = evidence[m.council] ?? Evidence(name: m.council, county: counties[m.council])
            if m.councilPattern {
                e.score += Limits.councilPatternPoints
                if m.start < coverLength { e.coverMentions += 1 }
                e.first = min(e.first, m.start)
            } else {
                e.score += m.plainPoints
            }
            evidence[m.council] = e
        }
        return evidence.values.filter { $0.score > 0 }
    }

    /// Whether a council prefix (`London Borough of`) ends just before a UTF-16 offset.
    static func hasCouncilPrefix(_ text: NSString, before location: Int) -> Bool {
        let from = max(0, location - Limits.councilPrefixReach)
        let before = text.substring(with: NSRange(location: from, length: location - from))
        return before.matches(pattern: "(?i)\\b(?:\(councilPrefix))\\s+$")
    }

    /// A printed name as a lookup key: lowercased, hyphens and runs of space as one space, `&` as `and`.
    static func key(_ s: String) -> String { normalised(s.lowercased()) }

    /// A printed name compared as words: case kept, hyphens and runs of space as one space, `&` as `and`.
    static func normalised(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "and").split { $0 == "-" || $0.isWhitespace }.joined(separator: " ")
    }
}

/// The ASCII words of a text, lowercased, of three letters or more (`Limits.shortestWord`: `kent`, `county`, `gov` in
/// `Kent County Council, kcc@kent.gov.uk`): which council names a text may hold, answered
/// before any pattern is run over it.
struct TextWords {
    private var words: Set<String> = []

    init(_ text: String) {
        var word: [UInt8] = []
        func flush() {
            if word.count >= AuthorityFinder.Limits.shortestWord { words.insert(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for b in text.utf8 {
            switch b {
            case 65...90: word.append(b + 32)
            case 97...122: word.append(b)
            default: flush()
            }
        }
        flush()
    }

    func contains(_ word: String) -> Bool { words.contains(word) }
}
