import Foundation
import Testing
@testable import ScrutinyCore

/// Values shaped like the stages' real outputs.
enum BinarySamples {
    static let source = SourceDocument(docID: String(repeating: "ab", count: 32), source: "qpr-q3.pdf",
                                       path: "/in/qpr-q3.pdf", kind: .pdf, byteCount: 90_015)

    static var documentText: DocumentText {
        func word(_ t: String, _ x: Double, ocr: Double? = nil) -> Word {
            Word(text: t, box: Box(x0: x, y0: 100.25, x1: x + 30.5, y1: 110), fontSize: 9.5, bold: t == "PI",
                 confidence: ocr)
        }
        let tableLine = TextLine(cells: ["PI", "Actual", "Target"],
                                 cellBoxes: [Box(x0: 10, y0: 1, x1: 20, y1: 2), Box(x0: 50, y0: 1, x1: 80, y1: 2),
                                             Box(x0: 100, y0: 1, x1: 130, y1: 2)],
                                 box: Box(x0: 10, y0: 1, x1: 130, y1: 2),
                                 words: [word("PI", 10), word("Actual", 50), word("Target", 100)],
                                 bold: true, headingLevel: nil, fontSize: 9.5, tableRegion: 0)
        let heading = TextLine(cells: ["Quarter 3 — Performance Report £"], box: nil,
                               words: [Word(text: "Quarter"), word("3", 40, ocr: 91.5)],
                               bold: true, headingLevel: 1, fontSize: nil, tableRegion: nil)
        let page1 = PageText(number: 1, width: 595.28, height: 841.89, lines: [heading, tableLine],
                             rules: [Box(x0: -1.5, y0: 0, x1: 595, y1: 0.5)], method: .pdf)
        let page2 = PageText(number: 2, width: nil, height: nil, lines: [TextLine(cells: [""])], method: .ocr,
                             warnings: ["page 2: no text layer"], needsOCR: true)
        return DocumentText(source: source, pages: [page1, page2, PageText(number: nil, lines: [], method: .text)],
                            pageCount: 2)
    }

    static var laidOut: LaidOutDocument {
        let at = Provenance(page: 3, line: 12, box: Box(x0: 1, y0: 2, x1: 3, y1: 4))
        let table = Table(headerRows: [["Measure", "Actual", "Performance Against:"], ["", "", "Similar Authorities"]],
                          rows: [TableRow(cells: ["NI 130", "45.2%", "44%"], at: at, confidence: 88),
                                 TableRow(cells: ["NI 131", "", "n/a"], at: Provenance(page: nil, line: 0))],
                          caption: "Table 1", pages: [3, 4], at: at, captionLines: ["Legend", "Table 1"])
        let bare = Table(headerRows: [], rows: [], caption: nil, pages: nil, at: Provenance(page: nil, line: 7))
        return LaidOutDocument(source: source, method: .mixed, pageCount: nil,
                               blocks: [.paragraph(Paragraph(text: "Introduction", lines: ["Introduction"], bold: true,
                                                             headingLevel: 2, at: at)),
                                        .table(table),
                                        .paragraph(Paragraph(text: "", lines: [], bold: false, headingLevel: nil,
                                                             at: Provenance(page: 1, line: 0), confidence: 42.5)),
                                        .table(bare)],
                               runningHeaders: ["Kent County Council"], warnings: [])
    }

    static var extraction: Extraction {
        var record = RecordRow(docID: source.docID, title: "Percentage of calls answered")
        record.page = 4; record.quarter = 3; record.actual = 92.5; record.actualText = "92.5%"
        record.comparators = Comparators(similarAuthorities: 90.1, national: nil)
        record.comparatorsText = Comparators(similarAuthorities: nil, national: "88%")
        record.line = 0; record.confidence = nil; record.trend = "up"
        let bare = RecordRow(docID: source.docID, title: "")
        let finance = FinanceRow(docID: source.docID, page: nil, statement: "Revenue", line: "Adult Social Care",
                                 values: OrderedFigures([("Budget £000", 1_234_000), ("Variance", -56.5), ("Note", nil)]),
                                 note: nil)
        return Extraction(
            document: DocumentRow(docID: source.docID, source: source.source, authority: "Kent", title: nil,
                                  financialYear: "2024/25", quarter: 3, pages: 12, method: "pdf"),
            records: [record, bare], finance: [finance, FinanceRow(docID: "x", page: 1, statement: "", line: "",
                                                                   values: OrderedFigures(), note: "n")],
            activities: [ActivityRow(docID: source.docID, page: 2, section: nil, ref: "A1", title: "Build",
                                     status: "green", statusText: nil, progress: "On track", lead: nil)],
            tables: [TableRowOut(docID: source.docID, pages: [1, 2], caption: nil, header: ["a", "b"],
                                 rows: [["1", "2"], []])],
            entities: [EntityRow(docID: source.docID, page: 1, kind: "money", text: "£1.2m", value: .number(1_200_000)),
                       EntityRow(docID: source.docID, page: nil, kind: "date", text: "31 Dec", value: .string("2024-12-31")),
                       EntityRow(docID: source.docID, page: nil, kind: "person", text: "A N Other", value: nil)],
            pageTexts: [PageTextRow(docID: source.docID, page: 1, text: "Body text\nwith lines")],
            coverage: CoverageRow(docID: source.docID, pages: 12, figures: 300, used: 280, records: 2, finance: 2,
                                  activities: 1))
    }
}

/// A custom type that writes optionals through every path the codebase uses.
private struct OptionalPaths: Codable, Equatable {
    var a: Int?
    var b: String?
    var c: Double?
    var d: [Int?]
    var e: Int??

    enum CodingKeys: String, CodingKey { case a, b, c, d, e }

    init(a: Int?, b: String?, c: Double?, d: [Int?], e: Int??) { self.a = a; self.b = b; self.c = c; self.d = d; self.e = e }

    func encode(to encoder: Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(a, forKey: .a)          // Optional through the generic encode
        try k.encodeIfPresent(b, forKey: .b)
        try k.encode(c, forKey: .c)
        try k.encode(d, forKey: .d)
        try k.encode(e, forKey: .e)
    }

    init(from decoder: Decoder) throws {
        let k = try decoder.container(keyedBy: CodingKeys.self)
        a = try k.decodeIfPresent(Int.self, forKey: .a)
        b = try k.decode(String?.self, forKey: .b)
        if try k.decodeNil(forKey: .c) { c = nil } else { c = try k.decode(Double.self, forKey: .c) }
        d = try k.decode([Int?].self, forKey: .d)
        e = try k.decode(Int??.self, forKey: .e)
    }
}

/// One optional field of a primitive type, written by `encodeIfPresent` or by `encode`.
private struct OneOptional<T: Codable & Equatable>: Encodable {
    var value: T?
    var ifPresent: Bool
    enum CodingKeys: String, CodingKey { case value }
    func encode(to encoder: Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        if ifPresent { try k.encodeIfPresent(value, forKey: .value) } else { try k.encode(value, forKey: .value) }
    }
}

@Suite struct BinaryCoderTests {
    func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try BinaryDecoder().decode(T.self, from: try BinaryEncoder().encode(value))
    }

    @Test func documentTextRoundTrips() throws {
        let text = BinarySamples.documentText
        #expect(try roundTrip(text) == text)
    }

    @Test func laidOutDocumentWithEnumBlocksRoundTrips() throws {
        let doc = BinarySamples.laidOut
        #expect(try roundTrip(doc) == doc)
    }

    @Test func extractionWithCustomEncodersRoundTrips() throws {
        let x = BinarySamples.extraction
        let back = try roundTrip(x)
        #expect(back == x)
        #expect(back.finance[0].values.keys == ["Budget £000", "Variance", "Note"])
        #expect(back.finance[0].values.values == [1_234_000, -56.5, nil])
        #expect(back.entities.map(\.value) == [.number(1_200_000), .string("2024-12-31"), nil])
        var bare = x
        bare.coverage = nil
        #expect(try roundTrip(bare) == bare)
    }

    /// The bytes of `value` after the header, with or without the hot types' direct writers.
    func body<T: Encodable>(_ value: T, direct: Bool) throws -> [UInt8] {
        let e = BinaryEncoding()
        e.writesHotTypesDirectly = direct
        try e.encodeValue(value)
        return e.bytes
    }

    /// The hot types' direct writers give the bytes of their synthesized `encode(to:)`, so
    /// a cache written before them still decodes (and a field added to one of them but not
    /// to its writer fails here).
    @Test func hotTypesWrittenDirectlyGiveTheSynthesizedBytes() throws {
        let text = BinarySamples.documentText
        #expect(try body(text, direct: true) == body(text, direct: false))
        for page in text.pages {
            #expect(try body(page, direct: true) == body(page, direct: false))
            for line in page.lines {
                #expect(try body(line, direct: true) == body(line, direct: false))
                for word in line.words { #expect(try body(word, direct: true) == body(word, direct: false)) }
            }
        }
        #expect(try body(text.source, direct: true) == body(text.source, direct: false))
        let laidOut = BinarySamples.laidOut
        #expect(try body(laidOut, direct: true) == body(laidOut, direct: false))
        for case .table(let table) in laidOut.blocks {
            #expect(try body(table.at, direct: true) == body(table.at, direct: false))
            for row in table.rows { #expect(try body(row, direct: true) == body(row, direct: false)) }
        }
    }

    /// A word's bytes, pinned: text, box (present), font size (absent), bold, confidence (absent).
    @Test func aWordsBytesArePinned() throws {
        let word = Word(text: "PI", box: Box(x0: 0, y0: 0.5, x1: 1, y1: 2), fontSize: nil, bold: true, confidence: nil)
        let expected: [UInt8] = [0x02, 0x50, 0x49,
                                 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f,
                                 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x40,
                                 0x00, 0x01, 0x00]
        #expect(try body(word, direct: true) == expected)
        #expect(try body(word, direct: false) == expected)
        #expect(try BinaryEncoder().encode(word) == Data(BinaryEncoder.magic + [BinaryEncoder.formatVersion] + expected))
    }

    /// The direct `encodeIfPresent` of each primitive writes the bytes of the generic path.
    @Test func encodeIfPresentOfAPrimitiveWritesTheSameBytesAsEncodeOfTheOptional() throws {
        func same<T: Codable & Equatable>(_ v: T?) throws -> Bool {
            try BinaryEncoder().encode(OneOptional(value: v, ifPresent: true))
                == BinaryEncoder().encode(OneOptional(value: v, ifPresent: false))
        }
        for v in [nil, true, false] as [Bool?] { #expect(try same(v)) }
        for v in [nil, "", "é £"] as [String?] { #expect(try same(v)) }
        for v in [nil, 0, -1.5, .infinity] as [Double?] { #expect(try same(v)) }
        for v in [nil, 0, -7, Int.max, Int.min] as [Int?] { #expect(try same(v)) }
        // counter-example: a present value and an absent one differ
        #expect(try BinaryEncoder().encode(OneOptional(value: 1, ifPresent: true))
                != BinaryEncoder().encode(OneOptional<Int>(value: nil, ifPresent: true)))
    }

    @Test func optionalsRoundTripThroughEveryPath() throws {
        for v in [OptionalPaths(a: nil, b: nil, c: nil, d: [], e: nil),
                  OptionalPaths(a: 0, b: "", c: 0, d: [nil, 1, nil], e: .some(nil)),
                  OptionalPaths(a: -7, b: "x", c: 1.5, d: [0], e: .some(3))] {
            #expect(try roundTrip(v) == v)
        }
        #expect(try roundTrip(Optional<Int>.none) == nil)
        #expect(try roundTrip(Optional(5)) == 5)
        #expect(try roundTrip(["k": [1, 2], "l": []]) == ["k": [1, 2], "l": []])
        #expect(try roundTrip(Set(["a", "b"])) == Set(["a", "b"]))
    }

    @Test func integersAndDoublesKeepTheirExtremes() throws {
        #expect(try roundTrip([Int.min, -1, 0, 1, 63, 64, -64, -65, Int.max]) == [Int.min, -1, 0, 1, 63, 64, -64, -65, Int.max])
        #expect(try roundTrip([UInt64.max, 0, 127, 128]) == [UInt64.max, 0, 127, 128])
        #expect(try roundTrip([Int8.min, Int8.max]) == [Int8.min, Int8.max])
        #expect(try roundTrip([-0.0, .infinity, 1e-300, .pi]) == [-0.0, .infinity, 1e-300, .pi])
        #expect(try roundTrip([Float(1.25)]) == [1.25])
    }

    @Test func everyTruncationThrows() throws {
        var small = BinarySamples.extraction
        small.records = Array(small.records.prefix(1))
        let data = try BinaryEncoder().encode(small)
        for n in 0..<data.count {
            #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Extraction.self, from: data.prefix(n)) }
        }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Extraction.self, from: data + [0]) }
    }

    @Test func corruptBytesThrowOrDecodeButNeverTrap() throws {
        let data = try BinaryEncoder().encode(BinarySamples.laidOut)
        var threw = 0
        for i in 5..<data.count {
            for b: UInt8 in [0x00, 0x02, 0x7f, 0xff] {
                var bad = data
                bad[bad.startIndex + i] = b
                if (try? BinaryDecoder().decode(LaidOutDocument.self, from: bad)) == nil { threw += 1 }
            }
        }
        #expect(threw > 0)
    }

    @Test func wrongMagicVersionOrJSONIsRejected() throws {
        let data = try BinaryEncoder().encode(BinarySamples.documentText)
        var magic = data
        magic[magic.startIndex] = UInt8(ascii: "X")
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(DocumentText.self, from: magic) }
        var version = data
        version[version.startIndex + 4] = BinaryEncoder.formatVersion &+ 1
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(DocumentText.self, from: version) }
        let json = try JSONEncoder().encode(BinarySamples.documentText)
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(DocumentText.self, from: json) }
    }

    @Test func binaryIsSmallerThanJSON() throws {
        for (binary, json) in [(try BinaryEncoder().encode(BinarySamples.documentText), try JSONEncoder().encode(BinarySamples.documentText)),
                               (try BinaryEncoder().encode(BinarySamples.extraction), try JSONEncoder().encode(BinarySamples.extraction)),
                               (try BinaryEncoder().encode(BinarySamples.laidOut), try JSONEncoder().encode(BinarySamples.laidOut))] {
            #expect(binary.count * 2 < json.count, "binary \(binary.count) bytes vs JSON \(json.count)")
        }
    }

    @Test func jsonOfTheCustomEncodersIsUnchanged() throws {
        // The positional branches must not leak into the JSONL rows.
        let figures = OrderedFigures([("A", 1), ("B", nil)])
        let sorted = JSONEncoder()
        sorted.outputFormatting = .sortedKeys
        #expect(String(decoding: try sorted.encode(figures), as: UTF8.self) == #"{"A":1,"B":null}"#)
        #expect(String(decoding: try JSONEncoder().encode([EntityValue.number(2), .string("x")]), as: UTF8.self) == #"[2,"x"]"#)
    }

    @Test func artifactCacheStoresBinaryUnderBin() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bincache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ArtifactCache(root: root)
        try cache.store(BinarySamples.laidOut, stage: "layout", key: "k")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("layout/k.bin").path))
        #expect(cache.data(stage: "layout", key: "k")?.prefix(4) == Data("SCRB".utf8))
        #expect(cache.load(LaidOutDocument.self, stage: "layout", key: "k") == BinarySamples.laidOut)
        #expect(cache.load(DocumentText.self, stage: "layout", key: "k") == nil)
    }

    /// An entry that is not whole (torn by a power cut: cut short, or zeros) is a miss,
    /// and is recomputed; a whole one is read back, and no temporary file is left behind.
    @Test func aTornCacheEntryIsAMiss() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bincache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ArtifactCache(root: root)
        try cache.store(BinarySamples.laidOut, stage: "layout", key: "k")
        let file = root.appendingPathComponent("layout/k.bin")
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["k.bin"])
        let whole = try Data(contentsOf: file)
        #expect(cache.load(LaidOutDocument.self, stage: "layout", key: "k") == BinarySamples.laidOut)
        try whole.dropLast().write(to: file)
        #expect(cache.data(stage: "layout", key: "k") == nil)
        try Data(count: whole.count).write(to: file)
        #expect(cache.data(stage: "layout", key: "k") == nil)
        try whole.write(to: file)
        #expect(cache.load(LaidOutDocument.self, stage: "layout", key: "k") == BinarySamples.laidOut)
    }
}
