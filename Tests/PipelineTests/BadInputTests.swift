import Foundation
import Testing
import ScrutinyCore
import Corpus
@testable import Pipeline

/// Minimal PDFs written by hand, for inputs no fixture should be.
enum HandMadePDF {
    /// A PDF whose pages all show one line of text, `pageCount` pages of `width`×`height` points.
    static func make(pageCount: Int, width: Int = 595, height: Int = 842, text: String = "Quarter 1 2012/13") -> Data {
        var objects: [String] = []
        let kids = (0..<pageCount).map { "\(5 + $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        let stream = "BT /F1 12 Tf 72 \(height - 72) Td (\(text)) Tj ET"
        objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for _ in 0..<pageCount {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}

@Suite struct BadInputTests {
    @Test func eachBadFileFailsAloneWithOneLineNamingItAndTheBatchGoesOn() throws {
        let dir = try Fixtures.textPapers(Array(try Fixtures.textPaperNames().prefix(1)))
        let good = HandMadePDF.make(pageCount: 2)
        // Every xref offset wrong but the trailer intact: poppler rebuilds the table.
        let corruptXref = Data(String(decoding: good, as: UTF8.self)
            .replacingOccurrences(of: " 00000 n ", with: " 00000 n ").replacing(/\n\d{10} 00000 n/, with: "\n0000000001 00000 n").utf8)
        // The xref table and trailer replaced by garbage: nothing to find the pages from.
        var noTrailer = good
        if let r = noTrailer.range(of: Data("xref".utf8)) {
            noTrailer.replaceSubrange(r.lowerBound..<noTrailer.count, with: Data("xref\ngarbage garbage\n%%EOF".utf8))
        }
        let cases: [(name: String, data: Data, fails: Bool)] = [
            ("empty.pdf", Data(), true),
            ("truncated.pdf", good.prefix(good.count / 3), true),
            ("not-a-pdf.pdf", Data("<html>a web page saved as .pdf</html>".utf8), true),
            ("corrupt-xref.pdf", corruptXref, false),          // poppler rebuilds the table: read, not crashed
            ("no-trailer.pdf", noTrailer, true),
            ("bad-utf8.txt", Data([0x51, 0x75, 0x61, 0x72, 0x74, 0x65, 0x72, 0x20, 0x31, 0xFF, 0xFE, 0x0A, 0x41]), false),
            ("zip.txt", Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]), true),
        ]
        for c in cases { try c.data.write(to: dir.appendingPathComponent(c.name)) }
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("pdf/encrypted.pdf"),
                                         to: dir.appendingPathComponent("encrypted.pdf"))
        let store = try Fixtures.corpus()
        let runner = BatchRunner(pipeline: try PipelineFile.parse(PipelineFile.defaultYAML), store: store, jobs: 2)
        let lines = LineCollector()
        runner.progress = { lines.add($0) }
        let summary = runner.run(BatchRunner.expand([dir.path]))

        let expectedFailures = cases.filter(\.fails).map(\.name) + ["encrypted.pdf"]
        #expect(summary.failed == expectedFailures.count)
        #expect(summary.written == 1 + cases.filter { !$0.fails }.count)
        for name in expectedFailures {
            let line = lines.lines.first { $0.contains("/\(name): FAILED") }
            #expect(line != nil, "no failure line naming \(name)")
            #expect(line?.contains("\n") == false)
        }
        let reasons = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT reason FROM failures WHERE path LIKE '%encrypted.pdf'")
        }
        #expect(reasons.first?.contains("encrypted") == true)
        #expect(try store.rowCounts()["documents"] == summary.written)
    }

    @Test func aPDFOverThePageLimitIsRefusedWithAClearReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("two-thousand-pages.pdf")
        try HandMadePDF.make(pageCount: 2000).write(to: path)
        let yaml = "stages:\n  - stage: text\n    options: { max_pages: 1000 }\n  - layout\n  - normalise\n  - extract\n"
        let store = try Fixtures.corpus()
        let runner = BatchRunner(pipeline: try PipelineFile.parse(yaml), store: store, jobs: 1)
        runner.progress = { _ in }
        let summary = runner.run([path.path])
        #expect(summary.failed == 1)
        let reason = try store.database.read { try String.fetchOne($0, sql: "SELECT reason FROM failures") }
        #expect(reason?.contains("2000 pages") == true)
    }

    @Test func aHugePageIsReadWithinBoundedMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("bomb.pdf")
        try HandMadePDF.make(pageCount: 1, width: 200_000, height: 200_000).write(to: path)
        let store = try Fixtures.corpus()
        let yaml = "stages:\n  - stage: text\n    options: { ocr: never }\n  - layout\n  - normalise\n  - extract\n"
        let runner = BatchRunner(pipeline: try PipelineFile.parse(yaml), store: store, jobs: 1)
        runner.progress = { _ in }
        let summary = runner.run([path.path])
        // Rendering for rules is capped (PopplerPage.maxRenderPixels), so the page is read, not a crash.
        #expect(summary.written == 1)
        let text = try store.database.read { try String.fetchOne($0, sql: "SELECT text FROM page_texts") }
        #expect(text?.contains("Quarter 1 2012/13") == true)
    }
}
