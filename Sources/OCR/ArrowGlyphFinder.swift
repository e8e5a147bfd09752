import ScrutinyCore

/// `ArrowGlyphIsATrend` rule: council KPI tables mark the direction of travel with an arrow
/// glyph (`↑ ↓ → ←`) that tesseract's English model cannot read: it gives a mark read with
/// little confidence (`L`, `1`, `ad`, `t` at 0–60) or nothing. Ink made of a narrow shaft
/// at one end and, at the other, a head wider on both sides of the shaft that narrows to a
/// tip, is an arrow pointing to its head. A short word read unsure whose ink is such a
/// shape is that arrow; so is such a blob that no word covers, about the size of the
/// page's words. Counter-examples: a triangle (`▲`: widest at its base, no shaft), a `1`
/// (its flag wider on one side only), a `T` or `Y` (widest at the top, no tip), a `+`
/// (a shaft at both ends), a bar or dot, and any word read with fair confidence.
enum ArrowGlyphFinder {
    /// The glyphs it reads.
    static let arrows: Set<String> = ["↑", "↓", "→", "←"]

    /// A connected blob of ink: its box in pixels and its pixels.
    struct Blob {
        var x0: Int, y0: Int, x1: Int, y1: Int
        var pixels: [(x: Int, y: Int)] = []
        var width: Int { x1 - x0 + 1 }
        var height: Int { y1 - y0 + 1 }
    }

    /// Inclusive pixel bounds on the page.
    typealias PixelBox = (x0: Int, y0: Int, x1: Int, y1: Int)

    /// The pixels of `box` (points; `pixel` points a pixel) widened by `margin` pixels,
    /// within `image`; nil when nothing of it is on the page.
    static func pixelBox(_ box: Box, pixel: Double, margin: Int, in image: GrayImage) -> PixelBox? {
        let b = (x0: max(0, Int(box.x0 / pixel) - margin), y0: max(0, Int(box.y0 / pixel) - margin),
                 x1: min(image.width - 1, Int(box.x1 / pixel) + margin), y1: min(image.height - 1, Int(box.y1 / pixel) + margin))
        return b.x0 <= b.x1 && b.y0 <= b.y1 ? b : nil
    }

    /// An arrow word for a blob, its box the blob's in points.
    static func arrowWord(_ arrow: Character, _ blob: Blob, pixel: Double) -> Word {
        Word(text: String(arrow), box: Box(x0: Double(blob.x0) * pixel, y0: Double(blob.y0) * pixel,
                                           x1: Double(blob.x1 + 1) * pixel, y1: Double(blob.y1 + 1) * pixel),
             confidence: OCRTolerances.arrowConfidence)
    }

    /// `word` read as the arrow its ink draws, when it is a short word tesseract read
    /// unsure; nil otherwise.
    static func arrowReading(of word: Word, in image: GrayImage, pixel: Double) -> Word? {
        guard word.text.count <= OCRTolerances.arrowMisreadMaxLength,
              (word.confidence ?? 100) < OCRTolerances.arrowMisreadConfidence, let b = word.box, pixel > 0 else { return nil }
        guard let region = pixelBox(b, pixel: pixel, margin: OCRTolerances.arrowWordMargin, in: image),
              region.x0 < region.x1, region.y0 < region.y1,
              let blob = blobs(in: image, region: region).max(by: { $0.pixels.count < $1.pixels.count }),
              let arrow = direction(of: blob) else { return nil }
        var out = word
        out.text = String(arrow)
        out.confidence = OCRTolerances.arrowConfidence
        return out
    }

    /// Arrow words for blobs of ink in `image` (rules already painted out) that none of
    /// `words` covers or touches and that are about the size of the words; boxes in points
    /// (`pixel` points a pixel).
    static func uncoveredArrows(in image: GrayImage, words: [Word], pixel: Double) -> [Word] {
        let heights = words.compactMap { $0.box?.height }.sorted()
        guard !heights.isEmpty, pixel > 0 else { return [] }
        let textHeight = heights[heights.count / 2] / pixel
        let minSide = OCRTolerances.arrowMinSize * textHeight, maxSide = OCRTolerances.arrowMaxSize * textHeight
        let covered = words.compactMap { $0.box.flatMap { pixelBox($0, pixel: pixel, margin: OCRTolerances.arrowWordMargin, in: image) } }
        let page = (x0: 0, y0: 0, x1: image.width - 1, y1: image.height - 1)
        return blobs(in: image, region: page, covered: covered, maxSide: Int(maxSide) + 1).compactMap { blob in
            guard Double(max(blob.width, blob.height)) >= minSide, let arrow = direction(of: blob) else { return nil }
            return arrowWord(arrow, blob, pixel: pixel)
        }
    }

    /// A pixel of the region searched for blobs.
    enum PixelState: UInt8 { case paper, ink, seenInk, coveredInk }

    /// The 8-connected blobs of ink inside `region` (inclusive pixel bounds). A blob touching
    /// ink inside one of the `covered` boxes is left out; so are blobs longer than `maxSide`
    /// on either side (their pixels are not kept).
    static func blobs(in image: GrayImage, region: PixelBox, covered: [PixelBox] = [], maxSide: Int = .max) -> [Blob] {
        let w = image.width
        let rw = region.x1 - region.x0 + 1, rh = region.y1 - region.y0 + 1
        guard rw > 0, rh > 0 else { return [] }
        var state = [PixelState](repeating: .paper, count: rw * rh)
        image.pixels.withUnsafeBufferPointer { px in
            for y in 0..<rh {
                for x in 0..<rw where px[(region.y0 + y) * w + region.x0 + x] < OCRTolerances.inkLevel { state[y * rw + x] = .ink }
            }
        }
        for c in covered {
            let x0 = max(c.x0, region.x0), x1 = min(c.x1, region.x1), y0 = max(c.y0, region.y0), y1 = min(c.y1, region.y1)
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 {
                for x in x0...x1 where state[(y - region.y0) * rw + x - region.x0] == .ink { state[(y - region.y0) * rw + x - region.x0] = .coveredInk }
            }
        }
        var found: [Blob] = []
        var stack: [Int] = []
        for start in 0..<(rw * rh) where state[start] == .ink {
            var blob = Blob(x0: start % rw, y0: start / rw, x1: start % rw, y1: start / rw)
            var touchesCovered = false, tooBig = false
            stack.append(start); state[start] = .seenInk
            while let i = stack.popLast() {
                let x = i % rw, y = i / rw
                blob.x0 = min(blob.x0, x); blob.x1 = max(blob.x1, x); blob.y0 = min(blob.y0, y); blob.y1 = max(blob.y1, y)
                if blob.width > maxSide || blob.height > maxSide { tooBig = true; blob.pixels = [] }
                if !tooBig { blob.pixels.append((x + region.x0, y + region.y0)) }
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < rw, ny < rh else { continue }
                        let j = ny * rw + nx
                        if state[j] == .ink { state[j] = .seenInk; stack.append(j) } else if state[j] == .coveredInk { touchesCovered = true }
                    }
                }
            }
            guard !tooBig, !touchesCovered else { continue }
            blob.x0 += region.x0; blob.x1 += region.x0; blob.y0 += region.y0; blob.y1 += region.y0
            found.append(blob)
        }
        return found
    }

    /// The arrow a blob draws, or nil: along its long side, a shaft (narrow across) over at
    /// least `arrowShaftShare` of the length at one end, and at the other a head, wider than
    /// the shaft on both of its sides, that narrows to a tip.
    static func direction(of blob: Blob) -> Character? {
        let vertical = blob.height >= blob.width
        let length = vertical ? blob.height : blob.width
        guard length >= OCRTolerances.arrowMinPixels else { return nil }
        // extent across, at each step along the long side
        var lo = [Int](repeating: Int.max, count: length), hi = [Int](repeating: Int.min, count: length)
        for p in blob.pixels {
            let along = vertical ? p.y - blob.y0 : p.x - blob.x0
            let across = vertical ? p.x : p.y
            lo[along] = min(lo[along], across); hi[along] = max(hi[along], across)
        }
        guard lo.allSatisfy({ $0 != Int.max }) else { return nil }
        let extent = (0..<length).map { hi[$0] - lo[$0] + 1 }
        guard let widest = extent.max(), widest >= OCRTolerances.arrowMinPixels else { return nil }
        let narrow = { (k: Int) in Double(extent[k]) <= OCRTolerances.arrowShaftWidth * Double(widest) }
        let tip = { (k: Int) in Double(extent[k]) <= OCRTolerances.arrowTipWidth * Double(widest) }
        let shaft = Int((OCRTolerances.arrowShaftShare * Double(length)).rounded(.up))
        /// The head at steps `head` is wider than the shaft at steps `shaftSteps` on both sides.
        func headAroundShaft(_ shaftSteps: Range<Int>, _ head: Range<Int>) -> Bool {
            guard let k = head.first(where: { extent[$0] == widest }) else { return false }
            let centre = shaftSteps.map { Double(lo[$0] + hi[$0]) / 2 }.reduce(0, +) / Double(shaftSteps.count)
            let reach = OCRTolerances.arrowHeadReach * Double(widest)
            return Double(lo[k]) <= centre - reach && Double(hi[k]) >= centre + reach
        }
        let forward = (0..<shaft).allSatisfy(narrow) && tip(length - 1) && headAroundShaft(0..<shaft, shaft..<length)
        let backward = ((length - shaft)..<length).allSatisfy(narrow) && tip(0)
            && headAroundShaft((length - shaft)..<length, 0..<(length - shaft))
        guard forward != backward else { return nil }
        if vertical { return forward ? "↓" : "↑" }
        return forward ? "→" : "←"
    }
}
