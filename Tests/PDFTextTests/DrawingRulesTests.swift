import Foundation
import Testing
import ScrutinyCore
@testable import PDFText
@testable import PageGeometry

/// Rules from a page's drawing operations (`CPopplerVector`), on one-page PDFs written here
/// from a content stream, and against the raster rules on a fixture page.
@Suite struct DrawingRulesTests {
    /// A one-page 400×300 PDF whose page draws `content` (PDF operators, origin bottom-left).
    static func pdf(_ content: String) throws -> String {
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        func object(_ text: String) {
            offsets.append(body.utf8.count)
            body += "\(offsets.count) 0 obj\n\(text)\nendobj\n"
        }
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R >>")
        object("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        let xref = body.utf8.count
        body += "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for o in offsets { body += String(format: "%010d 00000 n \n", o) }
        body += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).pdf").path
        try body.write(toFile: path, atomically: true, encoding: .ascii)
        return path
    }

    static func rules(_ content: String) throws -> [Box] {
        let doc = try PopplerDocument(path: try pdf(content))
        return try #require(doc.textLayer(page: 0, rules: RuleFinder.Options())).rules
    }

    @Test func aStrokedLineAndAThinFilledBarAreRules() throws {
        // a 1pt line from (50, 250) to (350, 250), and a 0.8pt-high black bar under it
        let rules = try Self.rules("0 G 1 w 50 250 m 350 250 l S 0 g 50 200 300 0.8 re f")
        #expect(rules.count == 2)
        let line = try #require(rules.first { abs($0.y0 - 49.5) < 0.6 })  // y from the top: 300 − 250 − ½
        #expect(abs(line.x0 - 50) < 0.01 && abs(line.x1 - 350) < 0.01)
        #expect(rules.contains { abs($0.y0 - 99.2) < 0.6 && $0.width > 299 })
    }

    @Test func whitePaintAndShortStrokesAreNoRules() throws {
        // counter-examples: a white bar, a 10pt tick (under the 14pt shortest rule)
        #expect(try Self.rules("1 g 50 200 300 0.8 re f 0 G 50 100 m 60 100 l S").isEmpty)
    }

    @Test func aRuleDrawnCellByCellIsOneRule() throws {
        let rules = try Self.rules("0 G 1 w 50 250 m 150 250 l S 150 250 m 250 250 l S 250 250 m 350 250 l S")
        #expect(rules.count == 1)
        #expect(rules.first.map { $0.x0 <= 50.01 && $0.x1 >= 349.99 } == true)
    }

    @Test func aShadedBandDrawnLineByLineHasItsOuterEdgesOnly() throws {
        // two grey fills, one above the other, touching: one band, so no edge between them
        let band = try Self.rules("0.6 g 50 200 300 12 re f 50 188 300 12 re f")
        let horizontal = band.filter { $0.width > 200 }.map { ($0.y0 + $0.y1) / 2 }.sorted()
        #expect(horizontal.count == 2)
        #expect(abs(horizontal[0] - 88.5) < 1 && abs(horizontal[1] - 111.5) < 1)
        // counter-example: the same two fills with a gap between them are two areas
        let apart = try Self.rules("0.6 g 50 200 300 12 re f 50 180 300 12 re f")
        #expect(apart.filter { $0.width > 200 }.count == 4)
    }

    @Test func shadingInsetInARuledCellGivesNoEdgesBesideTheRules() throws {
        // a cell ruled at x 50…350, y 200…230, shaded 3pt inside: the rules are the borders
        let cell = "0 G 1 w 50 200 300 30 re S 0.6 g 53 203 294 24 re f"
        let rules = try Self.rules(cell)
        #expect(rules.filter { $0.width > 200 }.count == 2)
        #expect(rules.filter { $0.height > 20 }.count == 2)
        // counter-example: the same shading without the ruled cell gives its own edges
        #expect(try Self.rules("0.6 g 53 203 294 24 re f").count == 4)
    }

    @Test func drawingRulesFindWhatTheRasterFindsOnARuledTable() throws {
        let doc = try PopplerDocument(path: fixtures.appendingPathComponent("split-table.pdf").path)
        let page = try #require(doc.page(0))
        let layer = try #require(doc.textLayer(page: 0, rules: RuleFinder.Options()))
        let drawn = layer.rules
        let raster = RuleFinder.rules(in: page.render(dpi: 72))
        func near(_ a: Box, _ b: Box) -> Bool {
            abs(a.x0 - b.x0) <= 2 && abs(a.x1 - b.x1) <= 2 && abs(a.y0 - b.y0) <= 2 && abs(a.y1 - b.y1) <= 2
        }
        // The raster also finds dark runs inside glyphs (a font's strokes at 72 dpi, which
        // depend on the fonts installed); a run inside a character's box is text, not a rule.
        let glyphs = layer.characterBoxes
        func insideText(_ r: Box) -> Bool {
            glyphs.contains { r.x0 >= $0.x0 - 1 && r.x1 <= $0.x1 + 1 && r.y0 >= $0.y0 - 1 && r.y1 <= $0.y1 + 1 }
                || glyphs.filter { $0.y0 - 1 <= r.y0 && r.y1 <= $0.y1 + 1 && $0.x1 > r.x0 && $0.x0 < r.x1 }
                    .reduce(0.0) { $0 + min($1.x1, r.x1) - max($1.x0, r.x0) } >= r.width * 0.9
        }
        #expect(!raster.isEmpty)
        for r in raster where max(r.width, r.height) > 20 && !insideText(r) {
            #expect(drawn.contains { near($0, r) }, "raster rule \(r) has no drawn rule")
        }
    }
}
