import Foundation
import Testing
import ScrutinyCore
import Layout
@testable import PDFText
@testable import PageGeometry

/// The folder holding the PDF fixtures.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/pdf")

func source(_ path: String) -> SourceDocument {
    SourceDocument(docID: "test", source: (path as NSString).lastPathComponent, path: path, kind: .pdf, byteCount: 0)
}

func readFixture(_ name: String) throws -> DocumentText {
    try PDFTextReader(options: .init()).read(source(fixtures.appendingPathComponent(name).path))
}

func tables(_ blocks: [Block]) -> [Table] {
    blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
}

@Suite struct PDFTextReaderTests {
    @Test func wordsLinesAndCellsOfAKnownPage() throws {
        let doc = try readFixture("split-table.pdf")
        #expect(doc.pageCount == 2)
        let page = doc.pages[0]
        #expect(page.method == .pdf && !page.needsOCR)
        let texts = page.lines.map(\.text)
        #expect(texts.contains("Quarterly performance"))
        let title = try #require(page.lines.first { $0.text == "Quarterly performance" })
        #expect(title.bold && title.headingLevel != nil)
        let row = try #require(page.lines.first { $0.text.hasPrefix("Child protection plans") })
        #expect(row.cells == ["Child protection plans", "550", "622"])
        #expect(row.cellBoxes?.count == 3)
        #expect(row.words.map(\.text) == ["Child", "protection", "plans", "550", "622"])
        let w = try #require(row.words.first?.box)
        #expect(w.x0 > 72 && w.x0 < 80 && w.height > 5 && w.height < 15)
        // reading order: the header above the rows
        let header = try #require(texts.firstIndex(of: "Measure Target Actual"))
        #expect(header < texts.firstIndex(of: row.text)!)
    }

    @Test func aGeneratedPaperReadsInOrder() throws {
        let doc = try readFixture("gen-e-1.pdf")
        let lines = doc.pages[0].lines.map(\.text)
        #expect(lines.first == "Barnsley MBC")
        #expect(lines.contains { $0.hasPrefix("Quarterly Performance Information") })
        #expect(lines.contains("Page 1 of 2"))
    }

    @Test func rulesAreFoundOnARuledTablePage() throws {
        let page = try readFixture("split-table.pdf").pages[0]
        let horizontal = page.rules.filter { $0.width > 300 && $0.height < 4 }
        let vertical = page.rules.filter { $0.height > 80 && $0.width < 4 }
        #expect(horizontal.count >= 5)
        #expect(vertical.count >= 4)
        #expect(horizontal.allSatisfy { $0.x0 > 68 && $0.x1 < 504 })
    }

    @Test func aSplitTableIsRejoinedWithItsHeaderOnceAndRunningLinesRemoved() throws {
        let doc = try readFixture("split-table.pdf")
        let (pages, running) = GeometricLayout.prepare(doc.pages)
        #expect(running.contains("Performance Report - Quarter 1 2012/13"))
        #expect(!pages.flatMap(\.lines).contains { $0.text.contains("Performance Report") || $0.text.hasPrefix("Page ") })
        let found = tables(TableAssembler().blocks(for: pages))
        #expect(found.count == 1)
        let t = try #require(found.first)
        #expect(t.headerRows == [["Measure", "Target", "Actual"]])
        #expect(t.rows.map(\.cells) == [
            ["Children in care per 10,000", "60", "64"], ["Child protection plans", "550", "622"],
            ["Foster carers approved", "250", "259"], ["Initial assessments in time", "85%", "72%"],
            ["Core assessments in time", "85%", "72%"], ["Care leavers in education", "60%", "39%"],
        ])
        #expect(t.pages == [1, 2])
    }

    @Test func renderGivesAWhitePageWithInk() throws {
        let doc = try PopplerDocument(path: fixtures.appendingPathComponent("split-table.pdf").path)
        let img = try #require(doc.page(0)).render(dpi: 36)
        #expect(img.width == 306 && img.height == 396)
        #expect(img[0, 0] == 255)
        #expect(img.pixels.contains { $0 < 100 })
        #expect(try #require(doc.page(0)).embeddedScanImage() == nil)
    }
}

@Suite struct UnreadablePDFTests {
    func expectUnreadable(_ path: String, _ fragment: String) {
        do {
            _ = try PDFTextReader(options: .init()).read(source(path))
            Issue.record("no error for \(path)")
        } catch let e as UnreadableInput {
            #expect(!e.reason.contains("\n"))
            #expect(e.reason.contains(fragment), "\(e.reason)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pdftext-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func emptyFile() throws { expectUnreadable(try temp("empty.pdf", []), "damaged or truncated") }

    @Test func truncatedPDF() throws {
        let full = try Data(contentsOf: fixtures.appendingPathComponent("split-table.pdf"))
        expectUnreadable(try temp("cut.pdf", Array(full.prefix(full.count / 3))), "damaged or truncated")
    }

    @Test func notAPDF() throws {
        expectUnreadable(try temp("zip.pdf", [0x50, 0x4B, 0x03, 0x04] + Array("not a pdf at all".utf8)), "damaged or truncated")
    }

    @Test func encrypted() { expectUnreadable(fixtures.appendingPathComponent("encrypted.pdf").path, "encrypted PDF (password required)") }

    @Test func zeroPages() {
        do {
            _ = try PDFTextReader(options: .init()).read(source(fixtures.appendingPathComponent("zero-pages.pdf").path))
            Issue.record("no error")
        } catch let e as UnreadableInput {
            #expect(e.reason == "PDF has no pages" || e.reason == "damaged or truncated PDF")
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test func missingFile() { expectUnreadable("/nonexistent/paper.pdf", "not found") }

    @Test func tooManyPages() {
        do {
            _ = try PDFTextReader(options: .init(maxPages: 1)).read(source(fixtures.appendingPathComponent("split-table.pdf").path))
            Issue.record("no error")
        } catch let e as UnreadableInput { #expect(e.reason.contains("limit")) } catch { Issue.record("\(error)") }
    }
}

@Suite struct LineBuilderTests {
    /// A two-line header cell (`Similar` over `Authorities`) beside a tall garbled word that
    /// spans both lines stays two lines, in print order.
    @Test func stackedWordsAreTwoLinesEvenBesideATallWord() {
        let words = [
            Word(text: "pang", box: Box(x0: 139, y0: 160.8, x1: 186, y1: 180.2)),
            Word(text: "Similar", box: Box(x0: 210, y0: 165.5, x1: 240, y1: 177.0)),
            Word(text: "Authorities", box: Box(x0: 209.7, y0: 174.5, x1: 258.6, y1: 185.3)),
        ]
        let lines = LineBuilder.lines(words)
        #expect(lines.map(\.text) == ["pang Similar", "Authorities"])
        // words printed twice at one place (fake bold) are still one line
        let bold = [Word(text: "Total", box: Box(x0: 10, y0: 10, x1: 30, y1: 18)),
                    Word(text: "Total", box: Box(x0: 10.4, y0: 10, x1: 30.4, y1: 18))]
        #expect(LineBuilder.lines(bold).count == 1)
    }
}
