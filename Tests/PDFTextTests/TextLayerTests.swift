import Foundation
import Testing
import CPoppler
import ScrutinyCore
@testable import PDFText
@testable import PageGeometry

/// The text layer is read in one pass with the rules (`PopplerDocument.textLayer`); it must
/// give what poppler-glib gives for the same page: the same text, one box per character
/// at the same place, the same font runs. poppler-glib is asked here directly, as the
/// reference.
@Suite struct TextLayerTests {
    /// What poppler-glib says about one page: text, character boxes, font runs.
    struct GlibPage: Equatable {
        var text: String
        var boxes: [Box]
        var runs: [PageTextLayer.FontRun]
    }

    static func glib(_ path: String) throws -> [GlibPage] {
        let uri = try #require(g_filename_to_uri(path, nil, nil))
        defer { g_free(uri) }
        let doc = try #require(poppler_document_new_from_file(uri, nil, nil))
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
        return try (0..<poppler_document_get_n_pages(doc)).map { i in
            let page = try #require(poppler_document_get_page(doc, i))
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            let c = try #require(poppler_page_get_text(page))
            defer { g_free(c) }
            var rects: UnsafeMutablePointer<PopplerRectangle>?
            var n: guint = 0
            var boxes: [Box] = []
            if poppler_page_get_text_layout(page, &rects, &n) != 0, let rects {
                boxes = (0..<Int(n)).map { let r = rects[$0]
                    return Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)) }
                g_free(rects)
            }
            var runs: [PageTextLayer.FontRun] = []
            let list = poppler_page_get_text_attributes(page)
            var node = list
            while let l = node {
                let a = l.pointee.data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = a.font_name.map { String(cString: $0) } ?? ""
                runs.append(.init(start: Int(a.start_index), end: Int(a.end_index), fontName: name, fontSize: a.font_size,
                                  bold: PageTextLayer.FontRun.isBoldFont(name)))
                node = l.pointee.next
            }
            poppler_page_free_text_attributes(list)
            return GlibPage(text: String(cString: c), boxes: boxes, runs: runs)
        }
    }

    /// Fixtures with several fonts, bold runs, a rotated table and ruled grids.
    @Test(arguments: ["split-table.pdf", "gen-e-1.pdf", "clockwise_table_1.pdf", "twotables_2.pdf"])
    func oneReadingGivesWhatPopplerGlibGives(name: String) throws {
        let path = fixtures.appendingPathComponent(name).path
        let reference = try Self.glib(path)
        let doc = try PopplerDocument(path: path)
        #expect(doc.pageCount == reference.count)
        for (i, want) in reference.enumerated() {
            let layer = try #require(doc.textLayer(page: i, rules: RuleFinder.Options()))
            #expect(layer.text == want.text, "\(name) p\(i + 1): text")
            #expect(layer.characterBoxes == want.boxes, "\(name) p\(i + 1): boxes")
            #expect(layer.fontRuns == want.runs, "\(name) p\(i + 1): runs")
            #expect(!layer.text.isEmpty && layer.characterBoxes.count >= layer.text.unicodeScalars.count - 1)
        }
    }

    /// Rules are read in the same pass, and only when asked for.
    @Test func rulesComeWithTheTextOnlyWhenAskedFor() throws {
        let doc = try PopplerDocument(path: fixtures.appendingPathComponent("split-table.pdf").path)
        let with = try #require(doc.textLayer(page: 0, rules: RuleFinder.Options()))
        let without = try #require(doc.textLayer(page: 0, rules: nil))
        #expect(!with.rules.isEmpty)
        #expect(without.rules.isEmpty)
        #expect(with.text == without.text && with.characterBoxes == without.characterBoxes)
    }

    /// The ASCII shortcut of the space test says what Unicode says.
    @Test func aSpaceIsWhatUnicodeCallsWhiteSpace() {
        for v in UInt32(0)..<0x80 {
            let s = Unicode.Scalar(v)!
            #expect(PageCharacters.isSpace(s) == s.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
        #expect(PageCharacters.isSpace("\u{00A0}") && PageCharacters.isSpace("\u{2003}"))
        #expect(!PageCharacters.isSpace("é") && !PageCharacters.isSpace("x"))
    }
}
