import Testing
import ScrutinyCore
@testable import Extract

/// A laid-out paper of plain paragraphs, one array of paragraphs per page.
private func paper(_ pages: [[String]], runningHeaders: [String] = []) -> LaidOutDocument {
    let source = SourceDocument(docID: "d", source: "paper.pdf", path: "paper.pdf", kind: .pdf, byteCount: 0)
    var blocks: [Block] = []
    for (i, page) in pages.enumerated() {
        for (k, text) in page.enumerated() {
            blocks.append(.paragraph(Paragraph(text: text, lines: [text], bold: false, headingLevel: nil,
                                               at: Provenance(page: i + 1, line: k))))
        }
    }
    return LaidOutDocument(source: source, method: .pdf, pageCount: pages.count, blocks: blocks,
                           runningHeaders: runningHeaders)
}

/// What is wrong with a council table: repeated codes, a name on two rows that are not a
/// county and the unitary it became, a district whose county is not a county of the table,
/// a printed name shared by two councils.
private func problems(_ councils: [Council]) -> [String] {
    var out: [String] = []
    var codes: Set<String> = []
    for c in councils where !codes.insert(c.code).inserted { out.append("repeated code \(c.code)") }
    for (name, rows) in Dictionary(grouping: councils, by: \.name) where rows.count > 1 {
        if Set(rows.map(\.kind)) != [.county, .unitary] || rows.count != 2 { out.append("repeated name \(name)") }
    }
    let counties = Set(councils.filter { $0.kind == .county }.map(\.name))
    for c in councils where c.kind == .district {
        if let county = c.county, !counties.contains(county) { out.append("\(c.name): unknown county \(county)") }
    }
    var owner: [String: String] = [:]
    for c in councils {
        for n in c.names {
            if let o = owner[n], o != c.name { out.append("\(n) printed for \(o) and \(c.name)") }
            owner[n] = c.name
        }
    }
    return out
}

@Suite struct AuthorityFinderTests {
    let finder = AuthorityFinder()

    @Test func theTableHasOneRowPerCodeAndEveryDistrictsCountyIsInIt() {
        #expect(problems(Councils.all) == [])
        #expect(Councils.all.count > 400, "every council of England, Wales and Scotland since 2009")
        #expect(Councils.all.filter { $0.kind == .district }.allSatisfy { $0.county != nil })
        #expect(Councils.named("Dartford").first?.code == "E07000107")
        #expect(Councils.named("North Yorkshire").map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.county, .unitary])
        // counter-examples: the check catches a repeated code and a district of an unknown county
        let kent = Councils.named("Kent")[0]
        let stray = Council(code: "E07999999", name: "Nowhere", kind: .district, county: "Atlantis", aliases: [])
        #expect(problems(Councils.all + [kent]).contains("repeated code E10000016"))
        #expect(problems(Councils.all + [stray]) == ["Nowhere: unknown county Atlantis"])
    }

    @Test func wordAndPlaceNamesAreNamesOfTheTable() {
        let printed = Set(Councils.all.flatMap(\.names))
        #expect(AuthorityFinder.wordNames.subtracting(printed).isEmpty)
        #expect(AuthorityFinder.placeNames.isSubset(of: AuthorityFinder.wordNames))
    }

    @Test func aDistrictPaperNamingItsCountyInPassingIsTheDistricts() {
        let cover = "Sevenoaks District Council\nCabinet, 12 March 2015\nHousing performance report"
        let body = "Kent County Council has consulted on the waste strategy. Kent County Council will respond; "
            + "Kent County Council funds the scheme."
        #expect(finder.find(cover: cover, body: body) == "Sevenoaks")
        // counter-example: with no council on the cover, the county named throughout wins
        #expect(finder.find(cover: "Cabinet, 12 March 2015\nHousing performance report", body: body) == "Kent")
    }

    @Test func aDistrictAndItsCountyEquallyOnTheCoverIsTheDistricts() {
        #expect(finder.find(inText: "Dartford Borough Council\nReport to Kent County Council's scrutiny committee") == "Dartford")
        // counter-example: the county named more on the cover wins
        #expect(finder.find(inText: "Kent County Council\nKent County Council and Dartford Borough Council joint panel")
                == "Kent")
    }

    @Test func aCountyPaperMentioningADistrictInPassingStaysTheCounty() {
        let later = ["We worked with Dartford Borough Council and Gravesham Borough Council; "
                     + "Dartford Borough Council leads the Ebbsfleet project."]
        let kent = paper([["Kent County Council", "Cabinet: Quarterly Performance Report, Quarter 3 2024/25"], later])
        #expect(finder.find(in: kent) == "Kent")
        // a county named in the running headers counts as on the cover
        let headed = paper([["Cabinet: Quarterly Performance Report"], later], runningHeaders: ["Kent County Council"])
        #expect(finder.find(in: headed) == "Kent")
        // counter-example: without the county on the cover, the district named most decides
        let unheaded = paper([["Cabinet: Quarterly Performance Report, Quarter 3 2024/25"], later])
        #expect(finder.find(in: unheaded) == "Dartford")
    }

    @Test func welshCouncils() {
        #expect(finder.find(inText: "City and County of Swansea\nCabinet report") == "Swansea")
        #expect(finder.find(inText: "Rhondda Cynon Taf County Borough Council\nScrutiny") == "Rhondda Cynon Taf")
        #expect(finder.find(inText: "Report of Newport City Council") == "Newport")
        // counter-example: Newport is also a town of Shropshire and the Isle of Wight
        #expect(finder.find(inText: "Staff at the Newport office met the Newport team.") == nil)
    }

    @Test func scottishCouncils() {
        #expect(finder.find(inText: "The City of Edinburgh Council\nEducation, Children and Families Committee") == "Edinburgh")
        #expect(finder.find(inText: "Comhairle nan Eilean Siar\nPoileasaidh") == "Na h-Eileanan Siar")
        #expect(finder.find(inText: "Glasgow City Council\nCity Administration Committee") == "Glasgow")
        // counter-example: the Duke of Edinburgh's Award names no council
        #expect(finder.find(inText: "Twelve pupils completed the Duke of Edinburgh award.") == nil)
    }

    @Test func aNameThatIsAWordCountsOnlyInACouncilPattern() {
        #expect(finder.find(inText: "Reading Borough Council\nAdult social care") == "Reading")
        #expect(finder.find(inText: "contact: performance@reading.gov.uk") == "Reading")
        // counter-example: reading and writing, and Reading as a plain word, name no council
        #expect(finder.find(inText: "Reading and writing remain below average. Reading improved.") == nil)
        #expect(finder.find(inText: "Officers from Rother and Eden attended.") == nil)
    }

    @Test func aNameInsideALongerNameIsTheLongerOnes() {
        #expect(finder.find(inText: "North Lincolnshire Council\nPeople Scrutiny Panel") == "North Lincolnshire")
        #expect(finder.find(inText: "Wyre Forest District Council\nCabinet") == "Wyre Forest")
        #expect(finder.find(inText: "Newcastle-under-Lyme Borough Council\nCabinet") == "Newcastle-under-Lyme")
        // counter-examples: the shorter names on their own
        #expect(finder.find(inText: "Lincolnshire County Council\nChildren's Scrutiny") == "Lincolnshire")
        #expect(finder.find(inText: "Wyre Council\nCabinet") == "Wyre")
    }

    @Test func aDistrictIsNeverAPlainMention() {
        #expect(finder.find(inText: "Maidstone Borough Council\nPolicy committee") == "Maidstone")
        #expect(finder.find(inText: "Shepway District Council\nCabinet") == "Folkestone and Hythe")
        // counter-example: a paper listing towns names no council by them
        #expect(finder.find(inText: "Maidstone, Ashford, Canterbury and Dover had the most referrals. Maidstone led.") == nil)
    }

    @Test func aCountysDistrictCouncilsTogetherNameTheCounty() {
        let body = "Kent Travel Saver price realignment. Kent Travel Saver income. Grants to Kent District Councils. "
            + "Increased contribution from Medway Council."
        #expect(finder.find(cover: "Appendix 1 - Key Service Statement", body: body) == "Kent")
        // counter-example: without the county's districts, the council named in a council pattern wins
        let passing = "Kent Travel Saver price realignment. Kent Travel Saver income. Increased contribution from Medway Council."
        #expect(finder.find(cover: "Appendix 1 - Key Service Statement", body: passing) == "Medway")
    }

    /// Two councils with equal evidence everywhere: the name decides, never the order the
    /// evidence was gathered in (a dictionary's order changes from one process to the next).
    @Test func aTieOnEveryCountGoesToTheNameNotToTheGatheringOrder() {
        let a = AuthorityFinder.Evidence(name: "Walsall", county: nil, coverMentions: 1, score: 2, first: 10)
        let b = AuthorityFinder.Evidence(name: "Barnsley", county: nil, coverMentions: 1, score: 2, first: 10)
        #expect(AuthorityFinder.best([a, b], by: \.score)?.name == "Barnsley")
        #expect(AuthorityFinder.best([b, a], by: \.score)?.name == "Barnsley")
        // counter-example: the council named first still wins over the alphabetically first one
        let early = AuthorityFinder.Evidence(name: "Walsall", county: nil, coverMentions: 1, score: 2, first: 3)
        #expect(AuthorityFinder.best([b, early], by: \.score)?.name == "Walsall")
    }
}
