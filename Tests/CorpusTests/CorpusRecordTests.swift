import Foundation
import Testing
import GRDB
import ScrutinyCore
@testable import Corpus

/// One extraction with every kind of row: nil and non-nil optionals, comparators,
/// finance columns out of alphabetical order, numeric and string entity values, whole
/// and fractional figures, strings needing escapes and non-ASCII text.
private func everyKindOfRow() -> Extraction {
    let doc = "doc1"
    var full = RecordRow(docID: doc, title: "Children in care")
    full.page = 3; full.authority = "Kent"; full.financialYear = "2024/25"; full.quarter = 2
    full.periodEnd = "2024-09-30"; full.section = "Children/Families"; full.code = "NI001"; full.unit = "%"
    full.polarity = "higher_is_better"; full.actual = 12.0; full.target = 12.5
    full.actualText = "12"; full.targetText = "12.5"
    full.comparators = Comparators(similarAuthorities: 11.0, national: 10.25)
    full.comparatorsText = Comparators(similarAuthorities: "11", national: "10.25")
    full.trend = "improving"; full.trendText = "£1.2m up"; full.status = "on_track"; full.statusText = "GREEN"
    full.owner = "A. Smith"; full.commentary = "Said \"fine\""; full.confidence = 0.5; full.line = 7
    var bare = RecordRow(docID: doc, title: "Delayed transfers")
    bare.code = "NI002"
    return Extraction(
        document: DocumentRow(docID: doc, source: "doc1.pdf", authority: "Kent", financialYear: "2024/25",
                              quarter: 2, pages: 4, method: "text"),
        records: [full, bare],
        finance: [FinanceRow(docID: doc, page: 2, statement: "Revenue", line: "Adult Social Care",
                             values: OrderedFigures([("Variance", -1.5), ("Budget", 100.0), ("actual", 98.5),
                                                     ("Forecast", nil)]), note: nil)],
        activities: [ActivityRow(docID: doc, page: nil, section: "Ambition 1", ref: "A1.2", title: "Open two hubs",
                                 status: "complete", statusText: "Complete", progress: nil, lead: "Director")],
        tables: [TableRowOut(docID: doc, pages: [2, 3], caption: nil, header: ["Line", "Budget £000"],
                             rows: [["Adults", "1,200"], ["Children", "a/b"]]),
                 TableRowOut(docID: doc, pages: nil, caption: "Summary", header: [], rows: [])],
        entities: [EntityRow(docID: doc, page: 1, kind: "money", text: "£12m", value: .number(12_000_000)),
                   EntityRow(docID: doc, page: 1, kind: "person", text: "Jane Doe", value: .string("Jane Doe")),
                   EntityRow(docID: doc, page: 2, kind: "money", text: "£1.5", value: .number(1.5)),
                   EntityRow(docID: doc, page: nil, kind: "date", text: "soon", value: nil)],
        pageTexts: [PageTextRow(docID: doc, page: 1, text: "body"), PageTextRow(docID: doc, page: nil, text: "all")],
        coverage: CoverageRow(docID: doc, pages: 4, figures: 10, used: 8, records: 2, finance: 1, activities: 1))
}

@Suite struct CorpusRecordTests {
    /// The JSONL the contract gives for `everyKindOfRow`, written out by hand: keys sorted,
    /// whole figures without a fraction, objects and lists as JSON, nil as `null`.
    static let expected: [String: String] = [
        "documents": #"""
            {"as_at":null,"authority":"Kent","doc_id":"doc1","financial_year":"2024/25","method":"text","pages":4,"quarter":2,"source":"doc1.pdf","title":null}
            """#,
        "records": #"""
            {"actual":12,"actual_text":"12","authority":"Kent","code":"NI001","commentary":"Said \"fine\"","comparators":{"national":10.25,"similar_authorities":11},"comparators_text":{"national":"10.25","similar_authorities":"11"},"confidence":0.5,"doc_id":"doc1","financial_year":"2024/25","floor":null,"floor_text":null,"indicator_id":"code:NI001","line":7,"owner":"A. Smith","page":3,"period_end":"2024-09-30","polarity":"higher_is_better","previous":null,"previous_text":null,"quarter":2,"section":"Children/Families","status":"on_track","status_text":"GREEN","target":12.5,"target_text":"12.5","title":"Children in care","trend":"improving","trend_text":"£1.2m up","unit":"%"}
            {"actual":null,"actual_text":null,"authority":null,"code":"NI002","commentary":null,"comparators":{"national":null,"similar_authorities":null},"comparators_text":{"national":null,"similar_authorities":null},"confidence":null,"doc_id":"doc1","financial_year":null,"floor":null,"floor_text":null,"indicator_id":"code:NI002","line":null,"owner":null,"page":null,"period_end":null,"polarity":null,"previous":null,"previous_text":null,"quarter":null,"section":null,"status":null,"status_text":null,"target":null,"target_text":null,"title":"Delayed transfers","trend":null,"trend_text":null,"unit":null}
            """#,
        "finance": #"""
            {"doc_id":"doc1","line":"Adult Social Care","note":null,"page":2,"statement":"Revenue","values":{"actual":98.5,"Budget":100,"Forecast":null,"Variance":-1.5}}
            """#,
        "activities": #"""
            {"doc_id":"doc1","lead":"Director","page":null,"progress":null,"ref":"A1.2","section":"Ambition 1","status":"complete","status_text":"Complete","title":"Open two hubs"}
            """#,
        "tables": #"""
            {"caption":null,"doc_id":"doc1","header":["Line","Budget £000"],"pages":[2,3],"rows":[["Adults","1,200"],["Children","a/b"]]}
            {"caption":"Summary","doc_id":"doc1","header":[],"pages":null,"rows":[]}
            """#,
        "entities": #"""
            {"doc_id":"doc1","kind":"money","page":1,"text":"£12m","value":12000000}
            {"doc_id":"doc1","kind":"person","page":1,"text":"Jane Doe","value":"Jane Doe"}
            {"doc_id":"doc1","kind":"money","page":2,"text":"£1.5","value":1.5}
            {"doc_id":"doc1","kind":"date","page":null,"text":"soon","value":null}
            """#,
    ]

    @Test func rowsWrittenAsRecordsExportToTheContractsJSONLinesByteForByte() throws {
        let store = try temporaryCorpus()
        try store.replace(everyKindOfRow(), path: "/p/doc1.pdf", extractionKey: "k", pipeline: "t")
        let out = store.folder.appendingPathComponent("export")
        try CorpusExporter(store: store).export(to: out)
        for table in CorpusSchema.exportedTables {
            let text = try String(contentsOf: out.appendingPathComponent("\(table).jsonl"), encoding: .utf8)
            #expect(text == Self.expected[table]! + "\n", "\(table).jsonl")
        }
    }

    @Test func storedValuesKeepTheirColumnTypes() throws {
        let store = try temporaryCorpus()
        try store.replace(everyKindOfRow(), path: "/p/doc1.pdf", extractionKey: "k", pipeline: "t")
        let types = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(value) FROM entities ORDER BY rowid")
        }
        // A whole number is an INTEGER, a fraction a REAL, a name TEXT.
        #expect(types == ["integer", "text", "real", "null"])
        let values = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT \"values\" FROM finance")
        }
        #expect(values == [#"{"actual":98.5,"Budget":100,"Forecast":null,"Variance":-1.5}"#])
    }

    @Test func fetchedRecordsEqualTheRowsWritten() throws {
        let store = try temporaryCorpus()
        var e = everyKindOfRow()
        try store.replace(e, path: "/p/doc1.pdf", extractionKey: "k", pipeline: "t")
        for i in e.records.indices { e.records[i].indicatorID = IndicatorID.id(code: e.records[i].code, title: e.records[i].title) }
        try store.database.read { db in
            #expect(try DocumentRow.fetchAll(db) == [e.document])
            #expect(try RecordRow.fetchAll(db) == e.records)
            #expect(try ActivityRow.fetchAll(db) == e.activities)
            #expect(try TableRowOut.fetchAll(db) == e.tables)
            #expect(try EntityRow.fetchAll(db) == e.entities)
            #expect(try PageTextRow.fetchAll(db) == e.pageTexts)
            #expect(try CoverageRow.fetchAll(db) == [e.coverage!])
            // The store keeps a finance line's figures by heading; their order is the JSON text's.
            let finance = try FinanceRow.fetchAll(db)
            #expect(finance.count == 1)
            let figures = { (f: OrderedFigures) in Dictionary(uniqueKeysWithValues: f.entries.map { ($0.key, $0.value) }) }
            #expect(finance.map { figures($0.values) } == e.finance.map { figures($0.values) })
            #expect(finance.map { [$0.docID, $0.statement, $0.line] } == [["doc1", "Revenue", "Adult Social Care"]])
        }
    }

    /// Writing through a JSON dictionary (the store before records) read `56.483741760253906`
    /// back as `56.483741760253885`: Foundation's parser on Linux rounds some 17-digit figures.
    @Test func aFigureKeepsEveryDigitInTheStoreAndTheExport() throws {
        let store = try temporaryCorpus()
        let figure = 56.483741760253906
        var e = everyKindOfRow()
        e.records[0].confidence = figure
        try store.replace(e, path: "/p/doc1.pdf", extractionKey: "k", pipeline: "t")
        let stored = try store.database.read { db in try RecordRow.fetchAll(db).first?.confidence }
        #expect(stored == figure)
        try CorpusExporter(store: store).export()
        let text = try String(contentsOf: store.folder.appendingPathComponent("records.jsonl"), encoding: .utf8)
        #expect(text.contains(#""confidence":56.483741760253906,"#))
    }

    /// The direct writers of a table's header and rows give the text of the long way
    /// (`JSONEncoder`, then `JSONSerialization`), on strings that need escapes: quotes,
    /// backslashes, slashes, every control character, DEL, non-ASCII, a byte order mark
    /// (which `JSONSerialization` drops at the start of a string).
    @Test func stringListsWriteTheSameJSONAsTheEncoder() throws {
        let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        let tricky = ["", "a/b", "</script>", "Said \"fine\"", "C:\\dir\\", "tab\there", "line\nbreak\r\n",
                      "\u{7F}del", "£1.2m – 5%", "é vs e\u{301}", "😀 emoji", "\u{2028}\u{2029}", "\u{FEFF}bom",
                      "\u{0}nul", " lead and trail ", "\\/", "\u{FEFF}", "b\u{FEFF}"] + controls
        func generic<T: Encodable>(_ value: T) throws -> String { try CorpusColumn.serializedJSON(value) }
        #expect(try CorpusColumn.json(tricky) == generic(tricky))
        #expect(try CorpusColumn.json([String]()) == generic([String]()))
        // every string alone, so one the long way does not hide the others
        for t in tricky { #expect(try CorpusColumn.json([t]) == generic([t]), "\(Array(t.unicodeScalars))") }
        let rows = [tricky, [], ["x"], Array(tricky.reversed())]
        #expect(try CorpusColumn.json(rows) == generic(rows))
        #expect(try CorpusColumn.json(rows.map { $0.filter { !CorpusColumn.hasByteOrderMark($0) } })
                == generic(rows.map { $0.filter { !CorpusColumn.hasByteOrderMark($0) } }))
        #expect(try CorpusColumn.json([[String]]()) == generic([[String]]()))
        #expect(try CorpusColumn.json([[String]()]) == generic([[String]()]))
    }

    /// The direct writers of a record's comparators give the long way's text: both absent,
    /// one absent, strings that need escapes, and figures (which take the long way).
    @Test func comparatorsWriteTheSameJSONAsTheEncoder() throws {
        func generic<T: Encodable>(_ value: T) throws -> String { try CorpusColumn.serializedJSON(value) }
        let texts: [String?] = [nil, "", "54.2%", "Said \"fine\" a/b", "tab\there\n", "\u{FEFF}bom", "£1.2m – 5%", "\u{1}"]
        for a in texts {
            for b in texts {
                let c = Comparators<String>(similarAuthorities: a, national: b)
                #expect(try CorpusColumn.json(c) == generic(c), "\(String(describing: a)) \(String(describing: b))")
            }
        }
        let figures: [Double?] = [nil, 0, 54.2, -3, 1e20, 0.1 + 0.2]
        for a in figures {
            for b in figures {
                let c = Comparators<Double>(similarAuthorities: a, national: b)
                #expect(try CorpusColumn.json(c) == generic(c), "\(String(describing: a)) \(String(describing: b))")
            }
        }
    }

    /// Each exported line is what `JSONSerialization` writes for the row's object (sorted
    /// keys, slashes unescaped), the JSON-text columns kept as stored: checked on every kind
    /// of row with strings that need escapes and figures of many forms.
    @Test func exportedLinesAreWhatJSONSerializationWrites() throws {
        let store = try temporaryCorpus()
        var e = everyKindOfRow()
        let texts = ["é – £5", "tab\tand\nbreak", "\u{FEFF}bom", "a/b \\ \"q\"", "\u{7F}", "😀", ""]
        let figures = [56.483741760253906, -0.0, 0.1, 1e-7, 5e-324, 1e16, 1.5e300, -2.25, 123456789012345678, 1e21]
        for (n, figure) in figures.enumerated() {
            var r = RecordRow(docID: "doc1", title: texts[n % texts.count])
            r.actual = figure; r.confidence = figure / 3; r.commentary = texts[(n + 1) % texts.count]
            e.records.append(r)
        }
        try store.replace(e, path: "/p/doc1.pdf", extractionKey: "k", pipeline: "t")
        try CorpusExporter(store: store).export()
        for table in CorpusSchema.exportedTables {
            let lines = try String(contentsOf: store.folder.appendingPathComponent("\(table).jsonl"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let expected = try store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { try Self.serialized($0, table: table) }
            }
            #expect(lines.map(String.init) == expected, "\(table)")
            #expect(!expected.isEmpty, "\(table)")
        }
    }

    /// The oracle: the row as an object (`id` dropped) written by `JSONSerialization`, each
    /// JSON-text column's stored text put where the serializer wrote a placeholder for it.
    static func serialized(_ row: Row, table: String) throws -> String {
        let jsonColumns = CorpusSchema.jsonColumns[table] ?? []
        var object: [String: Any] = [:], verbatim: [String: String] = [:]
        for (column, value) in row where column != "id" {
            switch value.storage {
            case .null: object[column] = NSNull()
            case .int64(let i): object[column] = i
            case .double(let d): object[column] = d
            case .string(let s) where jsonColumns.contains(column):
                let mark = "@@verbatim-\(column)@@"
                object[column] = mark; verbatim["\"\(mark)\""] = s
            case .string(let s): object[column] = s
            case .blob(let b): object[column] = b.base64EncodedString()
            }
        }
        var text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                          as: UTF8.self)
        for (mark, s) in verbatim { text = text.replacingOccurrences(of: mark, with: s) }
        return text
    }

    /// A real is written as `JSONSerialization` writes it, on special and random values.
    @Test func aRealIsWrittenAsJSONSerializationWritesIt() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 0.5, 1e-7, 1e-5, 5e-324, 1e15, 1e16, 1e17, 1e21, 1e22, 2.5e-8,
                                .greatestFiniteMagnitude, .leastNormalMagnitude, 56.483741760253906, 100, 12.5]
        for _ in 0..<5_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let d = Double(bitPattern: seed)
            if d.isFinite { values.append(d) }
            values.append(Double(Int64(bitPattern: seed >> 20)) / 1000)
        }
        for d in values {
            let expected = String(decoding: try JSONSerialization.data(withJSONObject: [d]).dropFirst().dropLast(), as: UTF8.self)
            #expect(CorpusExporter.jsonNumber(d) == expected, "\(d)")
        }
        #expect(CorpusExporter.jsonNumber(.nan) == nil && CorpusExporter.jsonNumber(.infinity) == nil)
    }

    /// Rows encoded before the write lock and inserted by one statement per table are
    /// stored exactly as each record's own `insert(db)` stores them: same columns, values
    /// and storage classes, same row order.
    @Test func encodedRowsAreStoredAsTheRecordsInsertThem() throws {
        let e = everyKindOfRow()
        let encoded = try temporaryCorpus()
        try encoded.replace(e, path: "/p/doc1.pdf", extractionKey: "k", pipeline: "t")
        let inserted = try temporaryCorpus()
        try inserted.database.write { db in
            try e.document.insert(db)
            for var r in e.records {
                r.indicatorID = IndicatorID.id(code: r.code, title: r.title)
                try r.insert(db)
            }
            for r in e.finance { try r.insert(db) }
            for r in e.activities { try r.insert(db) }
            for r in e.tables { try r.insert(db) }
            for r in e.entities { try r.insert(db) }
            for r in e.pageTexts { try r.insert(db) }
            try e.coverage?.insert(db)
        }
        for table in ["documents", "records", "finance", "activities", "tables", "entities", "page_texts", "coverage"] {
            func dump(_ store: CorpusStore) throws -> [String] {
                try store.database.read { db in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { row in
                        row.map { "\($0.0)=\($0.1.storage)" }.joined(separator: " ")
                    }
                }
            }
            let expected = try dump(inserted)
            #expect(try dump(encoded) == expected, "\(table)")
            #expect(!expected.isEmpty, "\(table)")
        }
    }
}
