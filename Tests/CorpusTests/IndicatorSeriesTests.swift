import Foundation
import Testing
import ScrutinyCore
import GRDB
@testable import Corpus

/// Series deduplication, the catalogue kept in step with `replace`, and FTS search.
@Suite struct IndicatorSeriesTests {
    static func observation(_ doc: String, _ date: String?, period: String, actual: Double?, page: Int = 1) -> SeriesObservation {
        SeriesObservation(authority: "Doncaster", periodEnd: period, actual: actual, target: 80, docID: doc,
                          source: "\(doc).pdf", page: page, documentDate: date)
    }

    @Test func samePeriodInTwoPapersGivesOneRowLatestWinsBothListed() {
        let older = Self.observation("q2", "2012-09-30", period: "2012-09-30", actual: 70, page: 4)
        let newer = Self.observation("q3", "2012-12-31", period: "2012-09-30", actual: 72, page: 2)
        let points = SeriesBuilder.deduplicate([older, newer])
        #expect(points.count == 1)
        #expect(points[0].observation.actual == 72)
        #expect(points[0].sources.map(\.docID) == ["q3", "q2"])
        #expect(points[0].sources.map(\.label) == ["q3.pdf p.2", "q2.pdf p.4"])
        // Order of input does not matter.
        #expect(SeriesBuilder.deduplicate([newer, older]) == points)
    }

    @Test func differentPeriodsAndCouncilsStaySeparateAndSorted() {
        var other = Self.observation("d1", "2012-12-31", period: "2012-06-30", actual: 50)
        other.authority = "Dudley"
        let points = SeriesBuilder.deduplicate([
            Self.observation("q3", "2012-12-31", period: "2012-12-31", actual: 75),
            Self.observation("q3", "2012-12-31", period: "2012-09-30", actual: 72),
            other,
        ])
        #expect(points.map { "\($0.observation.authority!) \($0.observation.periodKey)" }
                == ["Doncaster 2012-09-30", "Doncaster 2012-12-31", "Dudley 2012-06-30"])
    }

    @Test func papersWithoutAuthorityAreNotMergedWithEachOther() {
        var a = Self.observation("a", "2013-03-31", period: "2013-03-31", actual: 1)
        var b = Self.observation("b", "2013-06-30", period: "2013-03-31", actual: 2)
        a.authority = nil; b.authority = nil
        let points = SeriesBuilder.deduplicate([a, b, Self.observation("c", "2013-03-31", period: "2013-03-31", actual: 3)])
        #expect(points.count == 3)
        #expect(points[0].observation.docID == "c")
        #expect(points.allSatisfy { $0.sources.count == 1 })
    }

    @Test func undatedPapersLoseToDatedOnesThenSourceNameDecides() {
        let undated = Self.observation("a", nil, period: "2013-03-31", actual: 1)
        let dated = Self.observation("b", "2013-03-31", period: "2013-03-31", actual: 2)
        #expect(SeriesBuilder.deduplicate([dated, undated])[0].observation.actual == 2)
        let x = Self.observation("x", "2013-03-31", period: "2013-03-31", actual: 3)
        let y = Self.observation("y", "2013-03-31", period: "2013-03-31", actual: 4)
        #expect(SeriesBuilder.deduplicate([y, x])[0].observation.docID == "y")
    }

    @Test func belowTargetFollowsStatusThenPolarity() {
        var o = Self.observation("a", nil, period: "2013-03-31", actual: 70)
        o.polarity = "higher_is_better"
        #expect(o.isBelowTarget)
        o.polarity = "lower_is_better"
        #expect(!o.isBelowTarget)
        o.status = "below_target"
        #expect(o.isBelowTarget)
        o.status = nil; o.polarity = nil
        #expect(o.belowTarget == nil)   // unknown, not "no"
        o.polarity = "higher_is_better"; o.actual = nil
        #expect(o.belowTarget == nil)
    }

    // MARK: through the store

    static func record(_ doc: String, code: String?, title: String, period: String, actual: Double?, target: Double? = 80,
                       commentary: String? = nil, authority: String = "Doncaster", page: Int = 1) -> RecordRow {
        var r = RecordRow(docID: doc, title: title)
        r.code = code; r.periodEnd = period; r.actual = actual; r.target = target; r.authority = authority
        r.commentary = commentary; r.page = page; r.unit = "%"; r.polarity = "higher_is_better"
        return r
    }

    static func extraction(_ doc: String, asAt: String, authority: String = "Doncaster", records: [RecordRow],
                           text: String = "") -> Extraction {
        Extraction(document: DocumentRow(docID: doc, source: "\(doc).txt", authority: authority, title: "Performance \(asAt)",
                                         asAt: asAt, method: "text"),
                   records: records, pageTexts: [PageTextRow(docID: doc, page: 1, text: text)])
    }

    static func tempStore() throws -> CorpusStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("indicator-tests-\(UUID().uuidString)")
        return try CorpusStore(folder: dir)
    }

    static let docA = String(repeating: "a", count: 64), docB = String(repeating: "b", count: 64)

    @Test func replaceFillsCatalogueAndKeepsItCorrectOnReplacement() throws {
        let store = try Self.tempStore()
        try store.replace(Self.extraction(Self.docA, asAt: "2012-09-30", records: [
            Self.record(Self.docA, code: "NI 60", title: "Core assessments in time", period: "2012-09-30", actual: 70),
            Self.record(Self.docA, code: "CS143", title: "Foster carers recruited", period: "2012-09-30", actual: 5),
        ]), path: "a", extractionKey: "k1", pipeline: nil)
        try store.replace(Self.extraction(Self.docB, asAt: "2012-12-31", records: [
            Self.record(Self.docB, code: "NI060", title: "Core assessments completed in time", period: "2012-09-30", actual: 72),
            Self.record(Self.docB, code: "NI060", title: "Core assessments completed in time", period: "2012-12-31", actual: 75),
        ]), path: "b", extractionKey: "k1", pipeline: nil)

        var rows = try QueryResult.run("SELECT id, document_count, record_count, first_period, last_period FROM indicators ORDER BY id", in: store)
        #expect(rows.rows.map { $0.map(QueryResult.text) } == [
            ["code:NI060", "2", "3", "2012-09-30", "2012-12-31"],
            ["title:foster carers recruited", "1", "1", "2012-09-30", "2012-09-30"],
        ])
        let unlinked = try store.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM records WHERE indicator_id IS NULL") }
        #expect(unlinked == 0)

        let series = try store.database.read { try IndicatorQueries.series($0, indicatorID: "code:NI060") }
        #expect(series.count == 2)
        #expect(series[0].observation.actual == 72)
        #expect(series[0].sources.map(\.docID) == [Self.docB, Self.docA])

        // Paper A re-extracted without its local indicator: the catalogue entry goes, counts follow.
        try store.replace(Self.extraction(Self.docA, asAt: "2012-09-30", records: [
            Self.record(Self.docA, code: "NI 060", title: "Core assessments in time", period: "2012-06-30", actual: 68),
        ]), path: "a", extractionKey: "k2", pipeline: nil)
        rows = try QueryResult.run("SELECT id, document_count, record_count, first_period FROM indicators ORDER BY id", in: store)
        #expect(rows.rows.map { $0.map(QueryResult.text) } == [["code:NI060", "2", "3", "2012-06-30"]])

        // A rebuild from scratch gives the same catalogue.
        let before = try QueryResult.run("SELECT * FROM indicators ORDER BY id", in: store).render(.csv)
        try store.rebuildCatalogue()
        #expect(try QueryResult.run("SELECT * FROM indicators ORDER BY id", in: store).render(.csv) == before)
    }

    /// Papers written as a batch (catalogue deferred) give the catalogue and search index
    /// of papers written one by one once the pending list is refreshed; until then the
    /// list holds the indicators, and a store opened on the folder refreshes them (the
    /// next run after a killed one).
    @Test func aDeferredCatalogueEqualsTheImmediateOneAndSurvivesReopening() throws {
        let papers = [
            (Self.docA, "k1", [Self.record(Self.docA, code: "NI 60", title: "Core assessments in time", period: "2012-09-30", actual: 70),
                               Self.record(Self.docA, code: "CS143", title: "Foster carers recruited", period: "2012-09-30", actual: 5)]),
            (Self.docB, "k1", [Self.record(Self.docB, code: "NI060", title: "Core assessments completed", period: "2012-12-31", actual: 75)]),
            (Self.docA, "k2", [Self.record(Self.docA, code: "NI 060", title: "Core assessments in time", period: "2012-06-30", actual: 68)]),
        ]
        func write(_ store: CorpusStore, deferring: Bool) throws {
            for (doc, key, records) in papers {
                try store.replace(Self.extraction(doc, asAt: "2012-09-30", records: records, text: "core \(doc.prefix(1))"),
                                  path: String(doc.prefix(1)), extractionKey: key, pipeline: nil, deferringCatalogue: deferring)
            }
        }
        func catalogue(_ store: CorpusStore) throws -> String {
            try QueryResult.run("SELECT * FROM indicators ORDER BY id", in: store).render(.csv)
                + QueryResult.run("SELECT kind, indicator_id, doc_id, title, body FROM search_index ORDER BY kind, indicator_id, doc_id, body",
                                  in: store).render(.csv)
        }
        let immediate = try Self.tempStore()
        try write(immediate, deferring: false)
        let batch = try Self.tempStore()
        try write(batch, deferring: true)
        let pending = try batch.database.read { try String.fetchAll($0, sql: "SELECT indicator_id FROM catalogue_pending ORDER BY 1") }
        #expect(pending == ["code:NI060", "title:foster carers recruited"])
        #expect(try catalogue(batch) != catalogue(immediate))
        // reopening (the next run) refreshes what a killed run left pending
        let reopened = try CorpusStore(folder: batch.folder)
        #expect(try catalogue(reopened) == catalogue(immediate))
        #expect(try reopened.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM catalogue_pending") } == 0)
        // and the batch's own refresh does the same
        let other = try Self.tempStore()
        try write(other, deferring: true)
        try other.refreshPendingCatalogue()
        #expect(try catalogue(other) == catalogue(immediate))
    }

    /// An indicator's search entry lists its titles in alphabetical order, whatever order the
    /// papers came in, so corpora built by different runs (or merged shards) are equal.
    @Test func indicatorSearchEntryListsTitlesInTheSameOrderWhateverThePaperOrder() throws {
        func body(_ order: [String]) throws -> String? {
            let store = try Self.tempStore()
            for (k, doc) in order.enumerated() {
                let title = doc == Self.docA ? "Zeta title for assessments" : "Alpha title for assessments"
                try store.replace(Self.extraction(doc, asAt: "2012-0\(k + 6)-30", records: [
                    Self.record(doc, code: "NI060", title: title, period: "2012-09-30", actual: 70),
                ]), path: doc, extractionKey: "k", pipeline: nil)
            }
            return try store.database.read {
                try String.fetchOne($0, sql: "SELECT body FROM search_index WHERE kind = 'indicator'")
            }
        }
        let ab = try body([Self.docA, Self.docB]), ba = try body([Self.docB, Self.docA])
        #expect(ab == "Alpha title for assessments,Zeta title for assessments")
        #expect(ab == ba)
    }

    /// The row map beside the full-text index lists exactly its rows, so replacing a paper
    /// removes its old entries (found by the map, not by scanning the index) and no others.
    @Test func replacingAPaperReplacesItsSearchEntriesOnly() throws {
        let store = try Self.tempStore()
        func write(_ doc: String, _ comment: String, key: String) throws {
            try store.replace(Self.extraction(doc, asAt: "2012-09-30", records: [
                Self.record(doc, code: "NI060", title: "Core assessments", period: "2012-09-30", actual: 70, commentary: comment),
            ], text: "page of \(comment)"), path: doc, extractionKey: key, pipeline: nil)
        }
        try write(Self.docA, "staffing pressures", key: "k1")
        try write(Self.docB, "agency spending", key: "k1")
        try write(Self.docA, "recruitment improved", key: "k2")
        try store.database.read { db in
            let entries = try Row.fetchAll(db, sql: "SELECT rowid, kind, indicator_id, doc_id FROM search_index ORDER BY rowid")
            let mapped = try Row.fetchAll(db, sql: "SELECT fts_rowid, kind, indicator_id, doc_id FROM search_index_rows ORDER BY fts_rowid")
            #expect(entries.map { Array($0.databaseValues) } == mapped.map { Array($0.databaseValues) })
            func hits(_ q: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?", arguments: [q]) ?? 0 }
            #expect(try hits("staffing") == 0)   // the replaced paper's old entries are gone
            #expect(try hits("recruitment") == 2) // its new commentary and page
            #expect(try hits("agency") == 2)      // the other paper's are kept
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index WHERE kind = 'indicator'") == 1)
        }
    }

    @Test func resolveAcceptsCodeSpellingsAndTitleWords() throws {
        let store = try Self.tempStore()
        try store.replace(Self.extraction(Self.docA, asAt: "2012-09-30", records: [
            Self.record(Self.docA, code: "NI 60", title: "Core assessments in time", period: "2012-09-30", actual: 70),
            Self.record(Self.docA, code: "CS143", title: "Foster carers recruited", period: "2012-09-30", actual: 5),
        ]), path: "a", extractionKey: "k1", pipeline: nil)
        let ids = try store.database.read { db in
            try ["NI 060", "cs 143", "foster carers", "nothing like this"].map { try IndicatorQueries.resolve(db, $0)?.id }
        }
        #expect(ids == ["code:NI060", "title:foster carers recruited", "title:foster carers recruited", nil])
    }

    @Test func fullTextSearchRanksAndStaysInSyncOnReplace() throws {
        let store = try Self.tempStore()
        try store.replace(Self.extraction(Self.docA, asAt: "2012-09-30", records: [
            Self.record(Self.docA, code: "NI 60", title: "Core assessments in time", period: "2012-09-30", actual: 70,
                        commentary: "Staffing shortages in the duty team delayed assessments."),
        ], text: "The committee noted the placement stability figures."), path: "a", extractionKey: "k1", pipeline: nil)

        var hits = try store.database.read { try FullTextSearch.search($0, "assessments") }
        #expect(Set(hits.map(\.kind)) == ["indicator", "commentary"])
        #expect(hits.allSatisfy { $0.rank < 0 })
        hits = try store.database.read { try FullTextSearch.search($0, "placement stability") }
        #expect(hits.count == 1)
        #expect(hits[0].kind == "page" && hits[0].docID == Self.docA && hits[0].page == 1)
        #expect(hits[0].snippet(open: "[", close: "]").contains("[placement] [stability]"))
        // Operators and quotes are plain words, never FTS syntax.
        #expect(try store.database.read { try FullTextSearch.search($0, "\"placement\" OR NEAR(( -* '") }.isEmpty)
        #expect(FullTextSearch.matchExpression("a\" OR b*") == "\"a\" \"OR\" \"b\"")
        #expect(FullTextSearch.matchExpression("  -- ") == nil)
        // Words between a pair of quotes: one phrase; an unpaired quote is plain text.
        #expect(FullTextSearch.matchExpression("\"children's social care\" plans") == "\"children s social care\" \"plans\"")
        #expect(FullTextSearch.matchExpression("\"placement stability\" \"") == "\"placement stability\"")
        #expect(FullTextSearch.matchExpression("\"\" \"a\"") == "\"a\"")
        #expect(try store.database.read { try FullTextSearch.search($0, "\"placement stability\"") }.count == 1)
        #expect(try store.database.read { try FullTextSearch.search($0, "\"stability placement\"") }.isEmpty)

        // Replaced without that text: the old page hit is gone.
        try store.replace(Self.extraction(Self.docA, asAt: "2012-09-30", records: [], text: "Something else entirely."),
                          path: "a", extractionKey: "k2", pipeline: nil)
        #expect(try store.database.read { try FullTextSearch.search($0, "placement stability") }.isEmpty)
        #expect(try store.database.read { try FullTextSearch.search($0, "assessments") }.isEmpty)
    }
}
