import Foundation
import ScrutinyCore

/// Finds the council a paper belongs to from what it prints: "<Name> Council",
/// "<Name> MBC", "City of <Name>", e-mail domains (`@name.gov.uk`), or repeated plain
/// mentions of a children's services authority's name. Returns the short canonical name.
public struct AuthorityFinder: Sendable {
    public init() {}

    /// English authorities with children's services responsibilities (counties, unitaries,
    /// metropolitan and London boroughs), by short canonical name.
    public static let authorities: [String] = [
        "Barking and Dagenham", "Barnet", "Barnsley", "Bath and North East Somerset", "Bedford", "Bexley",
        "Birmingham", "Blackburn with Darwen", "Blackpool", "Bolton", "Bournemouth", "Bracknell Forest", "Bradford",
        "Brent", "Brighton and Hove", "Bristol", "Bromley", "Buckinghamshire", "Bury", "Calderdale", "Cambridgeshire",
        "Camden", "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester", "Cornwall", "Coventry",
        "Croydon", "Cumbria", "Darlington", "Derby", "Derbyshire", "Devon", "Doncaster", "Dorset", "Dudley",
        "Durham", "Ealing", "East Riding of Yorkshire", "East Sussex", "Enfield", "Essex", "Gateshead",
        "Gloucestershire", "Greenwich", "Hackney", "Halton", "Hammersmith and Fulham", "Hampshire", "Haringey",
        "Harrow", "Hartlepool", "Havering", "Herefordshire", "Hertfordshire", "Hillingdon", "Hounslow",
        "Isle of Wight", "Isles of Scilly", "Islington", "Kensington and Chelsea", "Kent", "Kingston upon Hull",
        "Hull", "Kingston upon Thames", "Kirklees", "Knowsley", "Lambeth", "Lancashire", "Leeds", "Leicester",
        "Leicestershire", "Lewisham", "Lincolnshire", "Liverpool", "Luton", "Manchester", "Medway", "Merton",
        "Middlesbrough", "Milton Keynes", "Newcastle upon Tyne", "Newcastle", "Newham", "Norfolk",
        "North East Lincolnshire", "North Lincolnshire", "North Somerset", "North Tyneside", "North Yorkshire",
        "Northamptonshire", "Northumberland", "Nottingham", "Nottinghamshire", "Oldham", "Oxfordshire",
        "Peterborough", "Plymouth", "Poole", "Portsmouth", "Reading", "Redbridge", "Redcar and Cleveland",
        "Richmond upon Thames", "Rochdale", "Rotherham", "Rutland", "Salford", "Sandwell", "Sefton", "Sheffield",
        "Shropshire", "Slough", "Solihull", "Somerset", "South Gloucestershire", "South Tyneside", "Southampton",
        "Southend-on-Sea", "Southwark", "St Helens", "Staffordshire", "Stockport", "Stockton-on-Tees",
        "Stoke-on-Trent", "Suffolk", "Sunderland", "Surrey", "Sutton", "Swindon", "Tameside", "Telford and Wrekin",
        "Thurrock", "Torbay", "Tower Hamlets", "Trafford", "Wakefield", "Walsall", "Waltham Forest", "Wandsworth",
        "Warrington", "Warwickshire", "West Berkshire", "West Sussex", "Westminster", "Wigan", "Wiltshire",
        "Windsor and Maidenhead", "Wirral", "Wokingham", "Wolverhampton", "Worcestershire", "York",
        "North Northamptonshire", "West Northamptonshire", "Westmorland and Furness", "Cumberland",
        "Bournemouth, Christchurch and Poole",
    ]

    /// Names that are also everyday words or common in other senses: counted only in a
    /// council pattern ("Reading Borough Council"), never as plain mentions.
    static let ambiguous: Set<String> = ["Reading", "Bury", "Sutton", "Halton", "Poole", "Rutland", "York", "Durham",
                                         "Newcastle", "Hull", "Dorset", "Kent", "Derby", "Wigan", "Essex", "Brent"]

    /// Ambiguous names that are places (not words or people's names): a plain mention is
    /// weak evidence, many of them (`Kent` 18 times, `Medway` twice) decide.
    static let places: Set<String> = ["Kent", "Essex", "Dorset", "Durham", "Rutland", "York", "Derby", "Wigan",
                                      "Hull", "Newcastle"]

    public func find(in doc: LaidOutDocument) -> String? {
        var text = doc.runningHeaders.joined(separator: "\n")
        for b in doc.blocks {
            switch b {
            case .paragraph(let p): text += "\n" + p.text
            case .table(let t):
                for r in t.headerRows { text += "\n" + r.joined(separator: " ") }
                for r in t.rows { text += "\n" + r.cells.joined(separator: " ") }
            }
        }
        return find(inText: text)
    }

    /// The best-supported authority in a text, or nil.
    public func find(inText text: String) -> String? {
        var score: [String: Double] = [:]
        let lower = text.lowercased()
        let search = TextSearch(lower)
        for name in Self.authorities {
            // Cheap test first: most names are not in the text at all.
            guard let firstWord = name.split(separator: " ").first, search.contains(firstWord.lowercased()) else { continue }
            let escaped = NSRegularExpression.escapedPattern(for: name).replacingOccurrences(of: "\\ ", with: "\\s+")
            // council patterns
            let strong = "(?i)(city of\\s+)?\\b\(escaped)\\b(\\s+(metropolitan|city|county|borough|district|council|mbc|m\\.b\\.c))+"
                + "|(?i)\\b(london borough of|royal borough of|city of|county of|council of)\\s+\(escaped)\\b"
            let strongCount = Self.count(strong, in: text)
            score[name, default: 0] += Double(strongCount) * 3
            // e-mail and web domains
            let domain = name.lowercased().replacingOccurrences(of: " ", with: "")
            if search.contains("@\(domain).gov.uk") || search.contains(".\(domain).gov.uk") || search.contains("www.\(domain).gov.uk") {
                score[name, default: 0] += 3
            }
            // plain mentions, capitalised, not part of a longer proper name already counted
            // (a county also named as a place, `Virtual School Kent`, counts a quarter)
            let weight = Self.places.contains(name) ? 0.25 : Self.ambiguous.contains(name) ? 0 : 1
            if weight > 0 {
                let plain = Self.count("\\b\(escaped)\\b", in: text, caseSensitive: true)
                score[name, default: 0] += Double(max(0, plain - strongCount)) * weight
            }
        }
        // longer names contain shorter ones ("North Lincolnshire" ⊃ "Lincolnshire"): drop the part
        for (name, s) in score where s > 0 {
            for other in Self.authorities where other != name && other.contains(name) && (score[other] ?? 0) > 0 {
                score[name] = max(0, s - (score[other] ?? 0))
            }
        }
        guard let best = score.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
              best.value >= 1 else { return Self.fromLocalities(text) }
        return Self.canonical(best.key)
    }

    /// Localities (from `PlaceGazetteer`) that lie inside exactly one compact authority.
    static let localities: [(place: String, authority: String)] = PlaceGazetteer.table
        .split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t")
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }

    /// Weak evidence, used only when no authority is named: the authority whose localities
    /// the text mentions most (capitalised, whole words), with ties left undecided.
    static func fromLocalities(_ text: String) -> String? {
        var votes: [String: Int] = [:]
        let search = TextSearch(text)
        for (place, authority) in localities where search.contains(place) {
            let escaped = NSRegularExpression.escapedPattern(for: place)
            if count("\\b\(escaped)\\b", in: text, caseSensitive: true) > 0 { votes[authority, default: 0] += 1 }
        }
        let ranked = votes.sorted { $0.value > $1.value }
        guard let top = ranked.first, ranked.dropFirst().first?.value != top.value else { return nil }
        return canonical(top.key)
    }

    static func canonical(_ name: String) -> String {
        switch name {
        case "Kingston upon Hull": return "Hull"
        case "Newcastle upon Tyne": return "Newcastle"
        default: return name
        }
    }

    static func count(_ pattern: String, in text: String, caseSensitive: Bool = false) -> Int {
        let re = PatternCache.regex(caseSensitive ? pattern : "(?i)" + pattern)
        return re.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
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
