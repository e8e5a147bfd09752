import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutinyCore
import Testing
@testable import Corpus
@testable import Serve

/// Every route of `scrutiny serve`, over real HTTP on an ephemeral port, against a small
/// corpus built here through `CorpusStore.replace`.
@Suite struct ServeRouteTests {
    static let docQ2 = String(repeating: "2", count: 64)
    static let docQ3 = String(repeating: "3", count: 64)
    static let docDudley = String(repeating: "d", count: 64)

    static func record(_ doc: String, authority: String, code: String?, title: String, period: String,
                       actual: Double?, target: Double?, status: String? = nil, commentary: String? = nil, page: Int) -> RecordRow {
        var r = RecordRow(docID: doc, title: title)
        r.authority = authority; r.code = code; r.periodEnd = period; r.actual = actual; r.target = target
        r.status = status; r.commentary = commentary; r.page = page; r.unit = "%"; r.polarity = "higher_is_better"
        return r
    }

    /// Two Doncaster papers reporting the same September figure, and one Dudley paper.
    static func makeCorpus() throws -> CorpusStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("serve-tests-\(UUID().uuidString)")
        let writer = try CorpusStore(folder: dir)
        try writer.replace(Extraction(
            document: DocumentRow(docID: docQ2, source: "doncaster-q2.pdf", authority: "Doncaster",
                                  title: "Children's Services <Q2> Performance", financialYear: "2012/13", quarter: 2,
                                  asAt: "2012-09-30", pages: 6, method: "pdf"),
            records: [record(docQ2, authority: "Doncaster", code: "NI 60", title: "Core assessments completed in time",
                             period: "2012-09-30", actual: 70, target: 80, status: "below_target",
                             commentary: "Duty team <b>staffing</b> shortages.", page: 4)],
            tables: [TableRowOut(docID: docQ2, pages: [4], caption: "Scorecard <script>alert(1)</script>",
                                 header: ["Code", "Measure"], rows: [["NI 60", "Core assessments"]])],
            pageTexts: [PageTextRow(docID: docQ2, page: 4, text: "Placement stability remained a concern for the panel.")]),
            path: "/papers/doncaster-q2.pdf", extractionKey: "k", pipeline: nil)
        try writer.replace(Extraction(
            document: DocumentRow(docID: docQ3, source: "doncaster-q3.pdf", authority: "Doncaster", title: "Q3 Performance",
                                  financialYear: "2012/13", quarter: 3, asAt: "2012-12-31", pages: 5, method: "pdf"),
            records: [
                record(docQ3, authority: "Doncaster", code: "NI060", title: "Core assessments completed in time",
                       period: "2012-09-30", actual: 71, target: 80, status: "below_target", page: 2),
                record(docQ3, authority: "Doncaster", code: "NI060", title: "Core assessments completed in time",
                       period: "2012-12-31", actual: 83, target: 80, status: "above_target", page: 2),
            ]),
            path: "/papers/doncaster-q3.pdf", extractionKey: "k", pipeline: nil)
        try writer.replace(Extraction(
            document: DocumentRow(docID: docDudley, source: "dudley-q3.txt", authority: "Dudley", title: "Dudley scorecard",
                                  asAt: "2012-12-31", method: "text"),
            records: [record(docDudley, authority: "Dudley", code: "NI 060", title: "Core assessments",
                             period: "2012-12-31", actual: 77, target: 75, page: 1)]),
            path: "/papers/dudley-q3.txt", extractionKey: "k", pipeline: nil)
        return try CorpusStore(folder: dir, readOnly: true)
    }

    /// Runs `body` against the live server.
    static func withServer(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let site = CorpusSite(store: try makeCorpus())
        try await site.application(port: 0).test(.live) { client in try await body(client) }
    }

    static func text(_ r: TestResponse) -> String { String(buffer: r.body) }

    @Test func indexListsDocumentsIndicatorsAndSearchBox() async throws {
        try await Self.withServer { client in
            let r = try await client.execute(uri: "/", method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = Self.text(r)
            #expect(html.contains("doncaster-q2.pdf") && html.contains("dudley-q3.txt"))
            #expect(html.contains("/indicator?id=code%3ANI060"))
            #expect(html.contains("Children&#39;s Services &lt;Q2&gt; Performance"))
            #expect(!html.contains("<Q2>"))
            #expect(html.contains("action=\"/search\""))
            #expect(!html.contains("<script"))
        }
    }

    @Test func documentPageShowsMetadataRecordsAndEscapedTables() async throws {
        try await Self.withServer { client in
            let r = try await client.execute(uri: "/document/\(Self.docQ2)", method: .get)
            #expect(r.status == .ok)
            let html = Self.text(r)
            #expect(html.contains("2012/13") && html.contains("Core assessments completed in time"))
            #expect(html.contains("Scorecard &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script"))
            let missing = try await client.execute(uri: "/document/\(String(repeating: "f", count: 64))", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    /// `#page-N` links (from search hits and series rows) land on the first record row of page N.
    @Test func documentPageHasAnAnchorOnTheFirstRecordOfEachPage() async throws {
        try await Self.withServer { client in
            let q2 = Self.text(try await client.execute(uri: "/document/\(Self.docQ2)", method: .get))
            #expect(q2.contains("<tr id=\"page-4\" class=\"below\">"))
            // Two records on page 2: one anchor, on the first.
            let q3 = Self.text(try await client.execute(uri: "/document/\(Self.docQ3)", method: .get))
            #expect(q3.components(separatedBy: "id=\"page-").count - 1 == 1)
            let rows = q3.components(separatedBy: "<tr").filter { $0.contains("<td") }
            #expect(rows.count == 2 && rows[0].hasPrefix(" id=\"page-2\"") && !rows[1].hasPrefix(" id="))
            #expect(CorpusPages.pageAnchors([1, 1, 3, nil, 3, 4]) == ["page-1", nil, "page-3", nil, nil, "page-4"])
        }
    }

    @Test func indicatorPageHasDeduplicatedSeriesAndChart() async throws {
        try await Self.withServer { client in
            let r = try await client.execute(uri: "/indicator?id=code%3ANI060", method: .get)
            #expect(r.status == .ok)
            let html = Self.text(r)
            #expect(html.contains("<svg"))
            #expect(html.contains("class=\"below-target\""))
            #expect(html.contains("higher is better"))
            // Doncaster September: one row, from Q3 (71, latest), Q2 listed as also reporting it.
            let rows = html.components(separatedBy: "<tr").filter { $0.contains("2012-09-30") && $0.contains("<td>") }
            #expect(rows.count == 1)
            #expect(rows.first?.contains(">71<") == true)
            #expect(rows.first?.contains("doncaster-q3.pdf p.2") == true)
            #expect(rows.first?.contains("doncaster-q2.pdf p.4") == true)
            #expect(html.contains("Dudley"))
            let missing = try await client.execute(uri: "/indicator?id=code%3ANI999", method: .get)
            #expect(missing.status == .notFound)
            let noID = try await client.execute(uri: "/indicator", method: .get)
            #expect(noID.status == .notFound)
        }
    }

    @Test func searchPageRanksWithSnippets() async throws {
        try await Self.withServer { client in
            let r = try await client.execute(uri: "/search?q=placement+stability", method: .get)
            #expect(r.status == .ok)
            let html = Self.text(r)
            #expect(html.contains("<mark>Placement</mark> <mark>stability</mark>"))
            #expect(html.contains("/document/\(Self.docQ2)#page-4"))
            let commentary = Self.text(try await client.execute(uri: "/search?q=staffing", method: .get))
            // Markup in the corpus text is escaped, the match still marked.
            #expect(commentary.contains("&lt;b&gt;<mark>staffing</mark>&lt;/b&gt;"))
            let empty = try await client.execute(uri: "/search", method: .get)
            #expect(empty.status == .ok)
        }
    }

    @Test func hostileQueryStringsAreInertAndEscaped() async throws {
        try await Self.withServer { client in
            let script = try await client.execute(uri: "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get)
            #expect(script.status == .ok)
            let html = Self.text(script)
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            for uri in ["/search?q=%27%20OR%201%3D1%3B%20DROP%20TABLE%20records%3B--",
                        "/search?q=%22%20OR%20*%20NEAR(",
                        "/indicator?id=code%3ANI060%27%20OR%20%271%27%3D%271",
                        "/document/\(Self.docQ2)%27%20OR%201=1--"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .ok || r.status == .notFound, "\(uri)")
                #expect(!Self.text(r).contains("<script>"))
            }
            // Still all there.
            let index = Self.text(try await client.execute(uri: "/", method: .get))
            #expect(index.contains("doncaster-q3.pdf"))
        }
    }

    @Test func aSearchFromThePageFormShowsItsWordsWithSpaces() async throws {
        try await Self.withServer { client in
            let html = Self.text(try await client.execute(uri: "/search?q=agency+staff", method: .get))
            #expect(html.contains("value=\"agency staff\""))
            #expect(html.contains("for “agency staff”"))
            #expect(html.contains("<title>Search: agency staff · Scrutiny</title>"))
            #expect(!html.contains("agency+staff"))
            // a plus typed into the box arrives as %2B and stays a plus
            let plus = Self.text(try await client.execute(uri: "/search?q=c%2B%2B", method: .get))
            #expect(plus.contains("value=\"c++\""))
        }
    }

    @Test func quotesAndTagsInTheQueryAreEscapedInTheBoxAndTheHeading() async throws {
        try await Self.withServer { client in
            let html = Self.text(try await client.execute(uri: "/search?q=%22%3E%3Cscript%3Ealert(%27x%27)%3C%2Fscript%3E", method: .get))
            #expect(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""))
            #expect(html.contains("for “&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;”"))
            #expect(!html.contains("<script"))
        }
    }

    @Test func formQueriesDecodePlusAsSpace() {
        #expect(FormQuery("q=agency+staff&x=1").value("q") == "agency staff")
        #expect(FormQuery("id=code%3ANI060").value("id") == "code:NI060")
        #expect(FormQuery("q=50%25+%2B+more").value("q") == "50% + more")
        #expect(FormQuery("q=%zz+a").value("q") == "%zz a")
        #expect(FormQuery("q").value("q") == "" && FormQuery(nil).value("q") == nil)
    }

    @Test(arguments: ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                      "/document/..%2F..%2Fetc%2Fpasswd", "/document/../../etc/passwd", "/static/../../etc/passwd",
                      "/%252e%252e/etc/passwd", "/corpus.sqlite", "/../corpus.sqlite", "/etc/passwd"])
    func pathTraversalIs404(uri: String) async throws {
        try await Self.withServer { client in
            let r = try await client.execute(uri: uri, method: .get)
            #expect(r.status == .notFound, "\(uri)")
            let body = Self.text(r)
            #expect(!body.contains("root:"))
            #expect(!body.contains("SQLite format"))
        }
    }

    @Test func chartIsAPureFunctionOfTheSeries() throws {
        let store = try Self.makeCorpus()
        let points = try store.database.read { try IndicatorQueries.series($0, indicatorID: "code:NI060") }
        let chart = SeriesChart(title: "Core <assessments>", unit: "%", polarity: "higher_is_better", points: points)
        #expect(chart.svg() == chart.svg())
        #expect(chart.svg().contains("Core &lt;assessments&gt;"))
        #expect(chart.svg().components(separatedBy: "class=\"below-target\"").count - 1 == 1) // Doncaster Sept (71 < 80)
        #expect(SeriesChart.dayNumber("1970-01-01") == 0)
        #expect(SeriesChart.isoDate(SeriesChart.dayNumber("2013-03-31")!) == "2013-03-31")
    }
}
