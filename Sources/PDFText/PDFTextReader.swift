import Foundation
import PageGeometry
import ScrutinyCore

/// Reads a born-digital PDF's text layer into pages of lines: words with boxes, fonts and
/// bold; lines in reading order with `cells` split at wide gaps; heading levels from font
/// size; ruling lines from the page's drawing operations (or, on request, from a
/// low-resolution render). Pages without usable text are flagged
/// `needsOCR` with a warning.
public struct PDFTextReader {
    /// Reader options.
    public struct Options: Sendable, Hashable {
        /// Refuse documents with more pages than this.
        public var maxPages: Int = 5000
        /// Where ruling lines come from.
        public var rules: RuleSource = .drawing
        /// Resolution of the render used to find ruling lines when `rules` is `.raster`.
        public var ruleDPI: Double = 72
        public init(maxPages: Int = 5000, rules: RuleSource = .drawing, ruleDPI: Double = 72) {
            self.maxPages = maxPages; self.rules = rules; self.ruleDPI = ruleDPI
        }
    }

    /// Where a born-digital page's ruling lines come from.
    public enum RuleSource: String, Codable, Sendable, Hashable, CaseIterable {
        /// The strokes and filled rectangles poppler meets interpreting the page: no raster,
        /// so a page of charts costs what a page of text costs.
        case drawing
        /// Dark runs of a render at `ruleDPI` (`RuleFinder`), as scans are read.
        case raster
        /// No rules.
        case none
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Every page of the document.
    public func read(_ source: SourceDocument) throws -> DocumentText {
        let doc = try open(source.path)
        let pages = (0..<doc.pageCount).compactMap { readPage(doc, index: $0) }
        return DocumentText(source: source, pages: pages, pageCount: doc.pageCount)
    }

    /// The given 1-based pages (all when nil) of the PDF at `path`.
    public func read(path: String, pages wanted: [Int]?) throws -> [PageText] {
        let doc = try open(path)
        let numbers = wanted ?? Array(1...doc.pageCount)
        return numbers.compactMap { readPage(doc, index: $0 - 1) }
    }

    /// Opens a PDF, refusing one with more pages than the limit.
    func open(_ path: String) throws -> PopplerDocument {
        let doc = try PopplerDocument(path: path)
        guard doc.pageCount <= options.maxPages else {
            throw UnreadableInput("PDF has \(doc.pageCount) pages, over the \(options.maxPages)-page limit")
        }
        return doc
    }

    /// The text with geometry of the page at a 0-based index; nil when it cannot be read.
    public func readPage(_ doc: PopplerDocument, index: Int) -> PageText? {
        let number = index + 1
        guard let layer = doc.textLayer(page: index, rules: options.rules == .drawing ? RuleFinder.Options() : nil) else { return nil }
        var (width, height) = (layer.width, layer.height)
        var chars = PageCharacters.collect(text: layer.text, boxes: layer.characterBoxes, runs: layer.fontRuns)
        var rules = layer.rules
        if options.rules == .raster, options.ruleDPI > 0, let page = doc.page(index) {
            rules = RuleFinder.rules(in: page.render(dpi: options.ruleDPI))
        }

        let visible = chars.filter { !$0.isSpace }
        if visible.isEmpty {
            return PageText(number: number, width: width, height: height, lines: [], rules: rules, method: .pdf,
                            warnings: ["no text layer (scanned page?): needs OCR"], needsOCR: true)
        }
        let unmapped = visible.filter { $0.scalar == "\u{FFFD}" || $0.scalar.value < 0x20 }.count
        if Double(unmapped) > PDFTextTolerances.unmappedGlyphMaxShare * Double(visible.count) {
            return PageText(number: number, width: width, height: height, lines: [], rules: rules, method: .pdf,
                            warnings: ["text layer has glyphs without Unicode: needs OCR"], needsOCR: true)
        }
        // Text drawn rotated on an upright page: turn the page so that it reads left to right.
        if let turn = PageCharacters.dominantTurn(chars), turn != .none {
            chars = chars.map { var c = $0; c.box = turn.apply(c.box, width: width, height: height); return c }
            rules = rules.map { turn.apply($0, width: width, height: height) }
            swap(&width, &height)
        }
        let words = WordBuilder.words(chars)
        let lines = LineBuilder.lines(words)
        return PageText(number: number, width: width, height: height, lines: lines, rules: rules, method: .pdf)
    }
}

/// One character of the text layer with its box and font.
struct PDFChar {
    var scalar: Unicode.Scalar
    var box: Box
    var fontSize: Double
    var bold: Bool
    var isSpace: Bool
}

/// A quarter turn applied to a page whose text runs vertically.
enum PageTurn {
    case none, counterClockwise, clockwise

    /// The box in the turned page's coordinates.
    func apply(_ b: Box, width: Double, height: Double) -> Box {
        switch self {
        case .none: return b
        case .counterClockwise: // text read top to bottom
            return Box(x0: b.y0, y0: width - b.x1, x1: b.y1, y1: width - b.x0)
        case .clockwise: // text read bottom to top
            return Box(x0: height - b.y1, y0: b.x0, x1: height - b.y0, y1: b.x1)
        }
    }
}

enum PageCharacters {
    /// Pairs the text's scalars with their boxes and font runs (one pass, runs in order).
    static func collect(text: String, boxes: [Box], runs: [PageTextLayer.FontRun]) -> [PDFChar] {
        var out: [PDFChar] = []
        out.reserveCapacity(boxes.count)
        var r = 0
        let sortedRuns = runs.sorted { $0.start < $1.start }
        for (i, s) in text.unicodeScalars.enumerated() {
            guard i < boxes.count else { break }
            while r < sortedRuns.count, sortedRuns[r].end < i { r += 1 }
            let run = r < sortedRuns.count && sortedRuns[r].start <= i ? sortedRuns[r] : nil
            let space = isSpace(s)
            out.append(PDFChar(scalar: s, box: boxes[i], fontSize: run?.fontSize ?? boxes[i].height,
                               bold: run?.bold ?? false, isSpace: space))
        }
        return out
    }

    /// Whether a character of the text layer is a space: Unicode white space, or a no-break
    /// space. ASCII is told without the Unicode property lookup, which was a tenth of the
    /// Swift side of reading a page.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace || s == "\u{00A0}"
    }

    /// Whether most text advances vertically (a table printed sideways), and which way.
    static func dominantTurn(_ chars: [PDFChar]) -> PageTurn? {
        var horizontal = 0, down = 0, up = 0
        var prev: PDFChar?
        for c in chars {
            defer { prev = c.isSpace ? nil : c }
            guard !c.isSpace, let p = prev else { continue }
            let dx = c.box.midX - p.box.midX, dy = c.box.midY - p.box.midY
            if abs(dx) >= abs(dy) { if dx > 0 { horizontal += 1 } } else if dy > 0 { down += 1 } else { up += 1 }
        }
        let total = horizontal + down + up
        guard total > PDFTextTolerances.rotationMinSteps else { return nil }
        if Double(down) > PDFTextTolerances.rotationMajority * Double(total) { return .counterClockwise }
        if Double(up) > PDFTextTolerances.rotationMajority * Double(total) { return .clockwise }
        return PageTurn.none
    }
}

/// Characters → words: split at whitespace and where the horizontal gap exceeds a quarter
/// of the character height (so table cells set close together do not glue).
enum WordBuilder {
    static func words(_ chars: [PDFChar]) -> [Word] {
        var out: [Word] = []
        var text = ""
        var box: Box?
        var last: PDFChar?
        var size = 0.0, bold = 0, count = 0
        func flush() {
            if let b = box, !text.isEmpty {
                out.append(Word(text: text, box: b, fontSize: (size * 10).rounded() / 10, bold: bold * 2 > count))
            }
            text = ""; box = nil; last = nil; size = 0; bold = 0; count = 0
        }
        for c in chars {
            if c.isSpace || c.box.width <= 0 && c.box.height <= 0 { flush(); continue }
            if let l = last {
                let h = max(l.box.height, c.box.height)
                let gap = c.box.x0 - l.box.x1
                if gap > PDFTextTolerances.wordGap * h || c.box.x0 < l.box.x0 - PDFTextTolerances.wordBackStep * h
                    || c.box.verticalOverlap(l.box) < PDFTextTolerances.wordMinVerticalOverlap { flush() }
            }
            text.unicodeScalars.append(c.scalar)
            box = box.map { $0.union(c.box) } ?? c.box
            size = max(size, c.fontSize)
            if c.bold { bold += 1 }
            count += 1
            last = c
        }
        flush()
        return out
    }
}
