import Testing
import ScrutinyCore
@testable import PageGeometry

@Suite struct RuleFinderTests {
    /// A white page (72 dpi) with the given dark rectangles (x0, y0, x1, y1 in pixels, end exclusive).
    func page(_ rects: [(Int, Int, Int, Int)], width: Int = 200, height: Int = 100) -> GrayImage {
        var px = [UInt8](repeating: 255, count: width * height)
        for (x0, y0, x1, y1) in rects { for y in y0..<y1 { for x in x0..<x1 { px[y * width + x] = 0 } } }
        return GrayImage(width: width, height: height, pixels: px, dpi: 72)
    }

    /// A drawn vertical line is a rule; the strips of a dark fill left between white letters
    /// (ink on both sides along most of their length) are not.
    @Test func stripsOfAFillBetweenWhiteLettersAreNotRules() {
        // a fill 20..180 × 10..40 with white "letters" (3 px wide, rows 18..30) every 6 px,
        // and a real vertical line at x = 190 from 10 to 60
        var rects: [(Int, Int, Int, Int)] = [(20, 10, 180, 18), (20, 30, 180, 40)]
        var x = 20
        while x < 180 { rects.append((x, 18, min(x + 3, 180), 30)); x += 6 }
        rects.append((190, 10, 191, 60))
        let rules = RuleFinder.rules(in: page(rects))
        let vertical = rules.filter { $0.height >= 3 * $0.width && $0.width <= 4 }
        // the fill's own left and right edges and the drawn line; no strip inside the fill
        #expect(!vertical.contains { $0.midX > 24 && $0.midX < 176 })
        #expect(vertical.contains { abs($0.midX - 190.5) < 1 && $0.height >= 49 })
    }
}
