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
    public init() {}

    /// Lines at the top of a text without pages that count as its cover.
    static let coverLineLimit = 40
    /// Points for one council-pattern mention (or domain) in the whole-text score.
    static let councilPatternPoints = 3.0
    /// Points for one plain mention of a council's name (a place name counts `placePoints`).
    static let plainPoints = 1.0
    /// Points for one plain mention of a name in `placeNames`.
    static let placePoints = 0.25
    /// Fewest points the best council needs when no council is named on the cover.
    static let minimumScore = 1.0

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

    /// The council of a text: its first `coverLineLimit` lines are its cover.
    public func find(inText text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return find(cover: lines.prefix(Self.coverLineLimit).joined(separator: "\n"),
                    body: lines.dropFirst(Self.coverLineLimit).joined(separator: "\n"))
    }

    /// The council of a paper from its cover (first page, running headers) and the rest.
    public func find(cover: String, body: String) -> String? {
        let evidence = Self.evidence(in: cover + "\n" + body, coverLength: (cover as NSString).length + 1)
        // MostSpecificCouncilWins: a council named on the cover beats any named further on
        let onCover = evidence.filter { $0.coverMentions > 0 }
        if !onCover.isEmpty { return Self.best(onCover, by: { Double($0.coverMentions) })?.name }
        return Self.best(evidence.filter { $0.score >= Self.minimumScore }, by: \.score)?.name
    }

    static func onCover(_ at: Provenance) -> Bool {
        if let page = at.page { return page == 1 }
        return at.line < coverLineLimit
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
    /// the higher score, then the council named first.
    static func best(_ evidence: [Evidence], by key: (Evidence) -> Double) -> Evidence? {
        guard let top = evidence.map(key).max() else { return nil }
        let tied = evidence.filter { key($0) == top }
        let counties = Set(tied.compactMap(\.county))
        return tied.filter { !counties.contains($0.name) }.min { ($0.score, -$0.first) > ($1.score, -$1.first) }
    }

    /// One printed form of a council's name (its name or an alias) and how to find it.
    struct NameForm: Sendable {
        let text: String
        let council: String
        let county: String?
        /// Words that must all be in the lowercased text before the pattern is tried.
        let words: [String]
        /// `(prefix)?\b(name)\b(suffix)?`, case-insensitive: group 1 a council prefix
        /// (`London Borough of`), group 2 the name, group 3 a council suffix (`Borough Council`).
        let pattern: String
        /// The name as a web or e-mail domain label (`kirklees` in `@kirklees.gov.uk`).
        let domain: String
        /// Points for a plain mention (0: council patterns only).
        let plainPoints: Double
    }

    static let councilPrefix = #"london borough of|royal borough of|metropolitan borough of|borough of|city and county of|city of|county of|council of(?:\s+the)?|comhairle nan"#
    static let councilSuffix = #"(?:\s+(?:metropolitan|royal|city|county|borough|district))*\s+(?:(?:council|corporation|mbc)\b|m\.b\.c\b)"#

    /// Every printed form of every council's name, from `Councils`.
    static let forms: [NameForm] = {
        var seen: Set<String> = []
        var out: [NameForm] = []
        for c in Councils.all {
            for text in c.names where seen.insert(text).inserted {
                let words = text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 && $0 != "and" }
                let points = c.kind == .district ? 0 : placeNames.contains(text) ? placePoints
                    : wordNames.contains(text) ? 0 : plainPoints
                out.append(NameForm(text: text, council: c.name, county: c.county, words: words,
                                    pattern: "(?i)(?:\\b(\(councilPrefix))\\s+)?\\b(\(namePattern(text)))\\b(\(councilSuffix))?",
                                    domain: String(text.lowercased().filter { $0.isLetter && $0.isASCII }),
                                    plainPoints: points))
            }
        }
        return out
    }()

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
        let search = TextSearch(text.lowercased())
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var mentions: [Mention] = []
        var counties: [String: String] = [:]
        for form in forms where form.words.allSatisfy({ search.contains($0) }) {
            counties[form.council] = form.county
            for m in PatternCache.regex(form.pattern).matches(in: text, range: whole) {
                let name = m.range(at: 2)
                let strong = m.range(at: 1).location != NSNotFound || m.range(at: 3).location != NSNotFound
                let printed = ns.substring(with: name)
                let plain = !strong && normalised(printed) == normalised(form.text) ? form.plainPoints : 0
                mentions.append(Mention(council: form.council, name: name, start: m.range.location,
                                        councilPattern: strong, plainPoints: plain))
            }
            if !form.domain.isEmpty, search.contains(form.domain + ".gov.uk") {
                let domain = "(?i)[@.]" + form.domain + "\\.gov\\.uk\\b"
                for m in PatternCache.regex(domain).matches(in: text, range: whole) {
                    mentions.append(Mention(council: form.council, name: m.range, start: m.range.location,
                                            councilPattern: true, plainPoints: 0))
                }
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
                e.score += councilPatternPoints
                if m.start < coverLength { e.coverMentions += 1 }
                e.first = min(e.first, m.start)
            } else {
                e.score += m.plainPoints
            }
            evidence[m.council] = e
        }
        return evidence.values.filter { $0.score > 0 }
    }

    /// A printed name compared as words: case kept, hyphens and runs of space as one space, `&` as `and`.
    static func normalised(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "and").split { $0 == "-" || $0.isWhitespace }.joined(separator: " ")
    }
}

/// Foundation's `String.contains(_:)` over one text, answered from the UTF-8 bytes when they
/// rule a match out (most needles are absent, and Foundation's search is slow). Foundation
/// matches canonically equivalent text, so the byte test alone could miss a match only where
/// an ASCII needle meets one of the three characters whose decomposition is ASCII (U+037E,
/// U+1FEF, U+212A); a text holding any of them, a non-ASCII needle, and every byte match
/// still go through Foundation, so the answers are Foundation's exactly.
struct TextSearch {
    let text: String
    private let utf8: [UInt8]
    private let bytesDecide: Bool

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        bytesDecide = !text.unicodeScalars.contains { $0 == "\u{037E}" || $0 == "\u{1FEF}" || $0 == "\u{212A}" }
    }

    func contains(_ needle: String) -> Bool {
        if bytesDecide, needle.utf8.allSatisfy({ $0 < 0x80 }), !bytesContain(needle) { return false }
        return text.contains(needle)
    }

    private func bytesContain(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        guard n.count <= utf8.count else { return false }
        return utf8.withUnsafeBufferPointer { h in
            n.withUnsafeBufferPointer { p in
                let first = p[0], last = h.count - p.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < p.count, h[i + k] == p[k] { k += 1 }
                        if k == p.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
