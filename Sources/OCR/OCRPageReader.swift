import Foundation
import ScrutinyCore
import PageGeometry

/// Reads one page image into a `PageText` (method `.ocr`) the way a text layer would
/// give it: ruling lines painted out before OCR, words with font boxes and confidences,
/// and lines (split into cells at wide gaps) built by the same `LineBuilder` as a PDF's
/// text layer, so the layout stage finds tables on scans as on born-digital pages.
public struct OCRPageReader: Sendable {
    /// How pages are read.
    public struct Options: Codable, Sendable, Hashable {
        /// Tesseract's page segmentation; one column keeps table rows on one line.
        public var segmentation: PageSegmentation = .singleColumn
        /// Words tesseract is less sure of than this (0–100) are dropped.
        public var minConfidence: Double = 0
        /// Words without letters or digits (specks read as `.`, `'`, `~`) below this
        /// confidence are dropped.
        public var minSymbolConfidence: Double = 60
        /// Straighten pages tilted more than `deskewThreshold` degrees before OCR.
        public var deskew: Bool = true
        public var deskewThreshold: Double = Deskew.defaultThreshold
        /// Read figures tesseract doubts and words it may have run together once more, alone
        /// (`doubtfulFigureLook`, `runTogetherLook`).
        public var readsDoubtfulWordsAgain: Bool = true
        /// Read arrow glyphs tesseract left out from their shape (`ArrowGlyphFinder`).
        public var readsArrows: Bool = true

        public init() {}
    }

    public var options: Options
    public init(options: Options = Options()) { self.options = options }

    /// OCRs `image` (deskewed first when tilted) with `engine` and lays out the words.
    /// `rules` are ruling lines found on the same image, in points.
    public func read(_ image: GrayImage, page: Int?, engine: TesseractEngine, rules: [Box] = []) throws -> PageText {
        var image = image
        var warnings: [String] = []
        if options.deskew {
            let (level, angle) = Deskew.straighten(image, threshold: options.deskewThreshold)
            if abs(angle) > options.deskewThreshold {
                image = level
                warnings.append(String(format: "deskewed by %.2f°", angle))
            }
        }
        let scale = 72 / (image.dpi > 0 ? image.dpi : 300)
        // rules are found first and painted out, so tesseract does not read them as `|`, `_`
        let pageRules = rules.isEmpty ? RuleFinder.rules(in: image) : rules
        let erased = Self.erasing(pageRules, from: image)
        let recognized = try engine.recognizeLines(erased, secondLooks: options.readsDoubtfulWordsAgain ? [Self.doubtfulFigureLook, Self.runTogetherLook] : [])
        var engineLines = recognized.map(\.words)
        if options.readsArrows {
            engineLines = engineLines.map { $0.map { ArrowGlyphFinder.arrowReading(of: $0, in: erased, pixel: scale) ?? $0 } }
            engineLines += ArrowGlyphFinder.uncoveredArrows(in: erased, words: engineLines.flatMap { $0 }, pixel: scale).map { [$0] }
        }
        var text = layout(engineLines, pixel: scale)
        text.rules = pageRules
        text.number = page
        text.width = Double(image.width) * scale
        text.height = Double(image.height) * scale
        text.warnings = warnings
        return text
    }

    /// One engine line's words with text-layer-like boxes. An OCR box hugs the ink, so `a` is
    /// shorter than `Ag`; a text layer's box is the font's (about an em: 0.77 em above the
    /// baseline to 0.23 em below), the same for every letter of a line.
    /// Each word's ink height, less a pixel of scanner blur at each edge, over the share of
    /// the em its letters span (`InkExtent`) estimates the em; the line's em is the (lower)
    /// median of its words', and every word gets a font box on its own baseline (so a slight
    /// tilt is kept) and that em as its font size. The line builder's gap rule (a fraction of the box
    /// height) then splits cells at the same gaps as on a born-digital page, and font-size
    /// headings come out of scans too. Punctuation within the line's band takes the line's
    /// baseline; a word whose estimate is far off the line's (a speck joined to it) keeps
    /// its own box; one far smaller (under a third of the line's size, or under half and read
    /// with little confidence) is a speck, and is dropped.
    static func typeBoxes(_ words: [Word], pixel: Double) -> [Word] {
        let estimates: [(extent: InkExtent, em: Double)?] = words.map { w in
            guard let b = w.box, let e = InkExtent(w.text) else { return nil }
            return (e, max(b.height - OCRTolerances.inkMarginPixels * pixel, pixel) / e.span)
        }
        let ems = estimates.compactMap { $0?.em }.sorted()
        guard !ems.isEmpty else { return words }
        // the lower median: specks joined to a word only ever make its box taller
        let em = ems[(ems.count - 1) / 2]
        func baseline(_ b: Box, _ e: InkExtent) -> Double { b.y1 - pixel - e.below * em }
        let baselines = zip(words, estimates).compactMap { w, e in e.map { baseline(w.box!, $0.extent) } }.sorted()
        let lineBaseline = baselines[(baselines.count - 1) / 2]
        return zip(words, estimates).compactMap { w, estimate in
            guard let b = w.box else { return w }
            let base: Double
            if let (extent, own) = estimate {
                // a speck read as a letter or digit (`4` two points high beside a line of 9 pt
                // type) would open a cell of its own: dropped when under a third of the line's
                // size, or under half of it and read with little confidence
                if own < OCRTolerances.speckMaxSize * em || own < OCRTolerances.doubtfulSpeckMaxSize * em && (w.confidence ?? 100) < OCRTolerances.speckMinConfidence { return nil }
                guard own < OCRTolerances.sameTypeMaxSize * em, own > OCRTolerances.sameTypeMinSize * em else { return w }
                base = baseline(b, extent)
            } else {
                // punctuation (`-`, `•`) inside the line's band takes the line's baseline
                guard b.y0 > lineBaseline - OCRTolerances.punctuationAboveBaseline * em, b.y1 < lineBaseline + OCRTolerances.punctuationBelowBaseline * em else { return w }
                base = lineBaseline
            }
            var out = w
            // a box narrower than its letters can be (tesseract boxing part of a lone `a`) is
            // widened about its middle, so it does not open a false cell gap beside it
            let least = OCRTolerances.minimumLetterWidth * em * Double(w.text.count)
            let (x0, x1) = b.width >= least ? (b.x0, b.x1) : (b.midX - least / 2, b.midX + least / 2)
            out.box = Box(x0: x0, y0: base - OCRTolerances.ascent * em, x1: x1, y1: base + OCRTolerances.descent * em)
            out.fontSize = (em * OCRTolerances.fontSizeStepsPerPoint).rounded() / OCRTolerances.fontSizeStepsPerPoint
            return out
        }
    }

    /// The page's words without specks that tesseract read as a line of their own (where
    /// `typeBoxes` has no neighbours to compare them with): a word sized under a third of
    /// the page's median type size.
    static func withoutSpecks(_ words: [Word]) -> [Word] {
        let sizes = words.compactMap(\.fontSize).sorted()
        guard !sizes.isEmpty else { return words }
        let median = sizes[sizes.count / 2]
        return words.filter { ($0.fontSize ?? median) >= median / OCRTolerances.speckSizeDivisor }
    }

    /// `DoubtfulFigureIsReadAgain`: tesseract reads a page a line at a time, and in a dense
    /// table row a figure it is unsure of often comes out mangled (`$5:30` for `15.30`,
    /// `1S:3%` for `13.3%`, `2` for `17.2 *`, confidence well under 50) though the same ink
    /// read on its own, as one word, comes out right. A word holding a digit and read with
    /// confidence under `doubtfulFigureConfidence` (not a speck) is read again alone, and the
    /// new reading kept when tesseract is surer of it, it still holds a figure and it keeps the
    /// decimal points and percent signs of the first (a read-alone `22.2` that came out `222)`
    /// lost the point the page reading had seen). A word read with fair confidence is never
    /// read again; a new reading without a digit is refused.
    static let doubtfulFigureLook = TesseractEngine.SecondLook(
        segmentation: .singleWord, margin: OCRTolerances.secondLookMargin,
        isDoubtful: { w, _ in
            (w.confidence ?? 100) < OCRTolerances.doubtfulFigureConfidence && w.text.contains(where: \.isNumber)
                && (w.box?.height ?? 0) >= OCRTolerances.secondLookMinHeight
        },
        prefers: { reread, old in
            let marks: (String) -> Int = { $0.filter { $0 == "." || $0 == "%" }.count }
            return reread.contains { $0.text.contains(where: \.isNumber) }
                && (reread.first?.confidence ?? 0) > (old.confidence ?? 100)
                && reread.map { marks($0.text) }.reduce(0, +) >= marks(old.text)
        })

    /// `RunTogetherWordIsReadAgain`: in a dense table row tesseract may run two words of a
    /// cell into one where the printed space is narrow (`Nochange`, `returnsin12`,
    /// `RepeatCP`, confidence as high as 90), though the same ink read alone comes apart at
    /// the space. A word of at least `runTogetherMinLength` characters with a letter, which
    /// tesseract did not find in its dictionary, is read again alone (as a block, which keeps
    /// capitals), and the new reading kept only when it is the same characters with spaces
    /// put in. Counter-examples: a dictionary word is not read again; a new reading that
    /// changes a character (`EHAs` for `EHAsin`) is refused.
    static let runTogetherLook = TesseractEngine.SecondLook(
        segmentation: .singleBlock, margin: OCRTolerances.secondLookMargin,
        isDoubtful: { w, inDictionary in
            !inDictionary && w.text.count >= OCRTolerances.runTogetherMinLength && w.text.contains(where: \.isLetter)
                && (w.box?.height ?? 0) >= OCRTolerances.secondLookMinHeight
        },
        prefers: { reread, old in reread.count > 1 && reread.map(\.text).joined() == old.text })

    /// The image with long thin ruling lines (`rules`, in points: at least 24 pt long, at most
    /// 2 pt thick) painted white, a pixel wider on each side for anti-aliasing. Shorter runs
    /// may be the stems of large letters (a 16 pt `l` stands 12 pt), which must stay.
    static func erasing(_ rules: [Box], from image: GrayImage) -> GrayImage {
        let thin = rules.filter { min($0.width, $0.height) <= OCRTolerances.erasedRuleMaxThickness && max($0.width, $0.height) >= OCRTolerances.erasedRuleMinLength }
        guard !thin.isEmpty, image.dpi > 0 else { return image }
        var out = image
        let perPoint = image.dpi / 72
        out.pixels.withUnsafeMutableBufferPointer { p in
            for r in thin {
                let x0 = max(0, Int(r.x0 * perPoint) - 1), x1 = min(image.width, Int((r.x1 * perPoint).rounded(.up)) + 1)
                let y0 = max(0, Int(r.y0 * perPoint) - 1), y1 = min(image.height, Int((r.y1 * perPoint).rounded(.up)) + 1)
                guard x0 < x1, y0 < y1 else { continue }
                for y in y0..<y1 { for x in x0..<x1 { p[y * image.width + x] = 255 } }
            }
        }
        return out
    }

    /// A line of fewer than three letters (a speck read as `fe`) is no heading, whatever its size.
    static func noHeadingFromSpecks(_ line: TextLine) -> TextLine {
        guard line.headingLevel != nil, line.text.filter(\.isLetter).count < OCRTolerances.headingMinLetters else { return line }
        var l = line
        l.headingLevel = nil
        return l
    }

    /// Lays out OCR'd words (grouped into lines by the engine; boxes in points, `pixel` the
    /// size of an image pixel in points) as a page: pure, no OCR. Words that are noise go
    /// (`keep`), the rest get font boxes (`typeBoxes`), specks alone on a line go, and the
    /// text layer's `LineBuilder` makes the lines.
    public func layout(_ engineLines: [[Word]], pixel: Double = 72.0 / 300) -> PageText {
        let boxed = engineLines.flatMap { Self.typeBoxes($0.filter(keep), pixel: pixel) }.filter { $0.box != nil }
        let lines = LineBuilder.lines(Self.withoutSpecks(boxed)).map(Self.noHeadingFromSpecks)
        return PageText(number: nil, lines: lines, method: .ocr)
    }

    /// Below this confidence (0–100) a word without digits is noise, not text.
    static let noiseConfidence = 1.0

    func keep(_ w: Word) -> Bool {
        let conf = w.confidence ?? 100
        if conf < options.minConfidence { return false }
        // an arrow read from its shape (`ArrowGlyphIsATrend`)
        if ArrowGlyphFinder.arrows.contains(w.text) { return true }
        // `ZeroConfidenceWordIsNoise`: tesseract gives 0 to a "word" it made of specks or
        // bleed (`gerig` under a figure); a word with no digit read that unsure is dropped
        // (a figure is kept, for the figure repairs to judge)
        if conf < Self.noiseConfidence, !w.text.contains(where: \.isNumber) { return false }
        // a speck read as one letter beside a figure (`16.46% B`) is unsure of itself
        if w.text.count == 1, w.text.first?.isLetter == true, conf < options.minSymbolConfidence / 2 { return false }
        let meaningful = w.text.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) || "%£$€".unicodeScalars.contains($0) }
        // a lone dash or bullet can be a cell ("no data"), a comparison sign belongs to its
        // title (`carried out < 35 working days`); other bare punctuation is specks
        return meaningful || (["-", "–", "—", "•", "*", "<", ">", "≤", "≥", "&", "+", "="].contains(w.text)
                              && conf >= options.minSymbolConfidence)
    }
}

/// How far a word's ink reaches above and below the baseline, in em, from its letters:
/// capitals, digits, ascenders and the dots of `i j` stand about 0.73 em, x-height
/// letters 0.53 em;
/// `g j p q y` hang about 0.21 em below, slashes and brackets about 0.1 em.
struct InkExtent {
    var above: Double
    var below: Double
    var span: Double { above + below }

    init?(_ text: String) {
        var tall = false, short = false, descender = false, bracket = false
        for c in text {
            if c.isUppercase || c.isNumber || "bdfhijklt%£$&?!".contains(c) { tall = true }
            else if c.isLowercase { short = true }
            if "gjpqy".contains(c) { descender = true }
            if "/()[]{}|".contains(c) { bracket = true; tall = true }
        }
        guard tall || short else { return nil }
        above = tall ? 0.73 : 0.53
        below = descender ? 0.21 : (bracket ? 0.1 : 0)
    }
}
