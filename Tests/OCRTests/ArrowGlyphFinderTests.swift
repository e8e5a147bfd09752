import Testing
import ScrutinyCore
@testable import OCR

/// `ArrowGlyphIsATrend` on glyphs drawn into a small page: arrows read by their shape, and
/// the shapes that must not be taken for arrows.
@Suite struct ArrowGlyphFinderTests {
    /// A 40 x 40 white page at 144 dpi with `ink` pixels black.
    func page(_ ink: [(Int, Int)]) -> GrayImage {
        var px = [UInt8](repeating: 255, count: 1600)
        for (x, y) in ink where x >= 0 && y >= 0 && x < 40 && y < 40 { px[y * 40 + x] = 0 }
        return GrayImage(width: 40, height: 40, pixels: px, dpi: 144)
    }

    /// An upward arrow: a head 13 pixels wide narrowing to a tip at the top, a shaft below.
    var up: [(Int, Int)] {
        var ink: [(Int, Int)] = []
        for y in 4...11 { let half = y - 4; for x in (19 - half)...(20 + half) { ink.append((x, y)) } }
        for y in 12...32 { ink += [(19, y), (20, y)] }
        return ink
    }

    func read(_ ink: [(Int, Int)]) -> Character? {
        let image = page(ink)
        let blobs = ArrowGlyphFinder.blobs(in: image, region: (0, 0, 39, 39))
        guard blobs.count == 1 else { return nil }
        return ArrowGlyphFinder.direction(of: blobs[0])
    }

    @Test func arrowsAreReadByTheirShape() {
        #expect(read(up) == "↑")
        #expect(read(up.map { ($0.0, 36 - $0.1) }) == "↓")
        #expect(read(up.map { (36 - $0.1, $0.0) }) == "→")
        #expect(read(up.map { ($0.1, $0.0) }) == "←")
    }

    @Test func shapesThatAreNoArrows() {
        // a triangle: widest at its base, no shaft
        var triangle: [(Int, Int)] = []
        for y in 4...24 { let half = (y - 4) / 2; for x in (19 - half)...(20 + half) { triangle.append((x, y)) } }
        #expect(read(triangle) == nil)
        // a `1`: its flag reaches out on one side only
        var one: [(Int, Int)] = []
        for y in 4...30 { one += [(20, y), (21, y)] }
        for k in 0...6 { one += [(20 - k, 4 + k), (19 - k, 4 + k)] }
        #expect(read(one) == nil)
        // a `+`: a shaft at both ends
        var plus: [(Int, Int)] = []
        for y in 4...24 { plus += [(19, y), (20, y)] }
        for x in 10...29 { plus += [(x, 13), (x, 14)] }
        #expect(read(plus) == nil)
        // a `T`: widest at the top, no tip
        var tee: [(Int, Int)] = []
        for x in 10...29 { tee += [(x, 4), (x, 5)] }
        for y in 6...24 { tee += [(19, y), (20, y)] }
        #expect(read(tee) == nil)
    }

    @Test func aShortWordReadUnsureOverAnArrowIsTheArrow() {
        let image = page(up)
        let pixel = 72 / image.dpi
        let box = Box(x0: 10 * pixel, y0: 3 * pixel, x1: 30 * pixel, y1: 34 * pixel)
        #expect(ArrowGlyphFinder.arrowReading(of: Word(text: "L", box: box, confidence: 41), in: image, pixel: pixel)?.text == "↑")
        // counter-examples: the same ink read with fair confidence, and a longer word
        #expect(ArrowGlyphFinder.arrowReading(of: Word(text: "t", box: box, confidence: 84), in: image, pixel: pixel) == nil)
        #expect(ArrowGlyphFinder.arrowReading(of: Word(text: "Lat", box: box, confidence: 41), in: image, pixel: pixel) == nil)
    }

    @Test func anArrowNoWordCoversIsFound() {
        let image = page(up)
        let pixel = 72 / image.dpi
        // a word as tall as the arrow elsewhere on the page sets the text size
        let word = Word(text: "GREEN", box: Box(x0: 0, y0: 36 * pixel, x1: 8 * pixel, y1: 39.5 * pixel), confidence: 96)
        let tall = Word(text: "Rate", box: Box(x0: 0, y0: 0, x1: 3 * pixel, y1: 28 * pixel), confidence: 96)
        #expect(ArrowGlyphFinder.uncoveredArrows(in: image, words: [tall, tall, word], pixel: pixel).map(\.text) == ["↑"])
        // counter-example: the same ink inside a word's box belongs to that word
        let covering = Word(text: "t", box: Box(x0: 10 * pixel, y0: 3 * pixel, x1: 30 * pixel, y1: 34 * pixel), confidence: 84)
        #expect(ArrowGlyphFinder.uncoveredArrows(in: image, words: [tall, tall, covering], pixel: pixel).isEmpty)
    }
}
