import Foundation
import ScrutinyCore
import PDFText

/// Reads one page image into a `PageText` (method `.ocr`) the way a text layer would
/// give it: lines of words with boxes and confidences, lines split into cells at wide
/// horizontal gaps, and table rows rebuilt from the page's column gutters (cells that
/// wrap over several printed lines joined, header lines merged), so the layout stage
/// sees the same shapes as for born-digital pages and text exports.
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
        /// A horizontal gap wider than this many line heights splits a cell.
        public var cellGap: Double = 1.5
        /// A vertical gap taller than this many line heights starts a new paragraph.
        public var paragraphGap: Double = 0.9
        /// `geometric`: words go through the same line builder as a PDF text layer and
        /// tables are found by the layout stage from rules and alignment (as for PDFs);
        /// `gutters`: this reader rebuilds table rows from column gutters itself.
        public var pageModel: PageModelKind = .geometric
        /// Straighten pages tilted more than `deskewThreshold` degrees before OCR.
        public var deskew: Bool = true
        public var deskewThreshold: Double = Deskew.defaultThreshold

        public init() {}
    }

    /// How OCR'd words become lines and cells.
    public enum PageModelKind: String, Codable, Sendable, Hashable { case geometric, gutters }

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
        var text: PageText
        switch options.pageModel {
        case .gutters:
            let recognized = try engine.recognizeLines(image)
            text = layout(recognized.map(\.words))
            text.rules = rules
        case .geometric:
            // rules are found first and painted out, so tesseract does not read them as `|`, `_`
            let pageRules = rules.isEmpty ? RuleFinder.rules(in: image) : rules
            let recognized = try engine.recognizeLines(Self.erasing(pageRules, from: image))
            // words get font boxes (`typeBoxes`), so cells and headings come out as on a text layer
            let words = Self.withoutSpecks(recognized.flatMap { Self.typeBoxes($0.words.filter(keep), pixel: scale) }.filter { $0.box != nil })
            text = PageText(number: page, lines: LineBuilder.lines(words).map(Self.noHeadingFromSpecks), method: .ocr)
            text.rules = pageRules
        }
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
            return (e, max(b.height - 2 * pixel, pixel) / e.span)
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
                if own < 0.3 * em || own < 0.5 * em && (w.confidence ?? 100) < 40 { return nil }
                guard own < 1.4 * em, own > 0.7 * em else { return w }
                base = baseline(b, extent)
            } else {
                // punctuation (`-`, `•`) inside the line's band takes the line's baseline
                guard b.y0 > lineBaseline - 1.1 * em, b.y1 < lineBaseline + 0.4 * em else { return w }
                base = lineBaseline
            }
            var out = w
            // a box narrower than its letters can be (tesseract boxing part of a lone `a`) is
            // widened about its middle, so it does not open a false cell gap beside it
            let least = 0.3 * em * Double(w.text.count)
            let (x0, x1) = b.width >= least ? (b.x0, b.x1) : (b.midX - least / 2, b.midX + least / 2)
            out.box = Box(x0: x0, y0: base - 0.77 * em, x1: x1, y1: base + 0.23 * em)
            out.fontSize = (em * 2).rounded() / 2
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
        return words.filter { ($0.fontSize ?? median) >= median / 3 }
    }

    /// The image with long thin ruling lines (`rules`, in points: at least 24 pt long, at most
    /// 2 pt thick) painted white, a pixel wider on each side for anti-aliasing. Shorter runs
    /// may be the stems of large letters (a 16 pt `l` stands 12 pt), which must stay.
    static func erasing(_ rules: [Box], from image: GrayImage) -> GrayImage {
        let thin = rules.filter { min($0.width, $0.height) <= 2 && max($0.width, $0.height) >= 24 }
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
        guard line.headingLevel != nil, line.text.filter(\.isLetter).count < 3 else { return line }
        var l = line
        l.headingLevel = nil
        return l
    }

    /// Lays out OCR'd words (grouped into lines by the engine) as a page: pure, no OCR.
    public func layout(_ engineLines: [[Word]]) -> PageText {
        let words = engineLines.map { $0.filter(keep) }.filter { !$0.isEmpty }
        let lines = PageModel.mergeLines(words)
        var textLines = PageModel(options: options, lines: lines).textLines()
        // page edges end paragraphs: running headers and footers stay lines of their own
        if !textLines.isEmpty {
            if textLines.first?.isBlank == false { textLines.insert(TextLine(cells: [""]), at: 0) }
            if textLines.last?.isBlank == false { textLines.append(TextLine(cells: [""])) }
        }
        return PageText(number: nil, lines: textLines, method: .ocr)
    }

    /// Below this confidence (0–100) a word without digits is noise, not text.
    static let noiseConfidence = 1.0

    func keep(_ w: Word) -> Bool {
        let conf = w.confidence ?? 100
        if conf < options.minConfidence { return false }
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

/// One printed line: its words left to right (every word has a box).
struct OCRLine {
    var words: [Word]
    var box: Box
    /// Median word height, in points.
    var height: Double

    init(_ words: [Word]) {
        self.words = words.sorted { $0.box!.x0 < $1.box!.x0 }
        box = Box.enclosing(words.map { $0.box! })!
        let hs = words.map { $0.box!.height }.sorted()
        height = max(hs[hs.count / 2], 1)
    }
}

/// A run of words inside one line with no wide gap (and no column gutter) between them.
struct Segment {
    var words: [Word]
    var box: Box { Box.enclosing(words.map { $0.box! })! }
    var text: String { words.map(\.text).joined(separator: " ") }
}

/// The geometric page model behind `OCRPageReader.layout`.
struct PageModel {
    var options: OCRPageReader.Options
    var lines: [OCRLine]

    /// Engine lines → printed lines: words without boxes dropped, lines sorted top to
    /// bottom, and lines that sit side by side at the same height (a table row the engine
    /// read as separate blocks) merged.
    static func mergeLines(_ engineLines: [[Word]]) -> [OCRLine] {
        var lines = engineLines.map { $0.filter { $0.box != nil } }.filter { !$0.isEmpty }.map(OCRLine.init)
        lines.sort { $0.box.midY < $1.box.midY }
        var merged: [OCRLine] = []
        for line in lines {
            if let i = merged.lastIndex(where: { m in
                m.box.verticalOverlap(line.box) > 0.6 && !m.words.contains { w in
                    line.words.contains { v in min(w.box!.x1, v.box!.x1) > max(w.box!.x0, v.box!.x0) }
                }
            }), merged.count - i <= 2 {
                merged[i] = OCRLine(merged[i].words + line.words)
            } else {
                merged.append(line)
            }
        }
        return merged.sorted { $0.box.y0 < $1.box.y0 }
    }

    /// Splits a line at gaps wider than `cellGap` line heights, or at gaps crossing a gutter.
    func segments(_ line: OCRLine, gutters: [ClosedRange<Double>] = []) -> [Segment] {
        var out: [Segment] = []
        var current: [Word] = []
        for w in line.words {
            if let last = current.last {
                let gap = (last.box!.x1, w.box!.x0)
                let wide = gap.1 - gap.0 > options.cellGap * line.height
                let crossesGutter = gutters.contains { g in gap.1 > g.lowerBound && gap.0 < g.upperBound && gap.1 - gap.0 > 0.2 * line.height }
                if wide || crossesGutter { out.append(Segment(words: current)); current = [] }
            }
            current.append(w)
        }
        if !current.isEmpty { out.append(Segment(words: current)) }
        return out
    }

    var medianHeight: Double {
        let hs = lines.map(\.height).sorted()
        return hs.isEmpty ? 10 : hs[hs.count / 2]
    }

    func textLines() -> [TextLine] {
        guard !lines.isEmpty else { return [] }
        let segs = lines.map { segments($0) }
        let textLeft = lines.map(\.box.x0).min()!
        let textWidth = max(1, lines.map(\.box.x1).max()! - textLeft)
        var out: [TextLine] = []
        var i = 0
        var previousBottom: Double?
        var previousHeight = medianHeight
        func addBreakIfGap(before top: Double, height: Double) {
            if let bottom = previousBottom, top - bottom > options.paragraphGap * max(height, previousHeight) {
                out.append(TextLine(cells: [""]))
            }
        }
        while i < lines.count {
            if segs[i].count > 1 {
                // a table region: this line, then lines with several cells or narrow lines close below
                var j = i + 1
                while j < lines.count {
                    let gap = lines[j].box.y0 - lines[j - 1].box.y1
                    let close = gap < 1.5 * lines[j].height
                    if segs[j].count > 1 && gap < 3 * lines[j].height { j += 1; continue }
                    if close && lines[j].box.width < 0.6 * textWidth && lines[j].box.x0 > textLeft + 0.15 * textWidth { j += 1; continue }
                    if close && lines[j].box.width < 0.45 * textWidth, j + 1 < lines.count, segs[j + 1].count > 1,
                       lines[j + 1].box.y0 - lines[j].box.y1 < 1.5 * lines[j].height { j += 1; continue }
                    break
                }
                addBreakIfGap(before: lines[i].box.y0, height: lines[i].height)
                out += TableRegion(model: self, lines: Array(lines[i..<j])).rows()
                previousBottom = lines[j - 1].box.y1
                previousHeight = lines[j - 1].height
                i = j
                continue
            }
            let line = lines[i]
            addBreakIfGap(before: line.box.y0, height: line.height)
            out.append(TextLine(cells: [segs[i].map(\.text).joined(separator: " ")], cellBoxes: [line.box], box: line.box,
                                words: line.words, fontSize: line.height))
            previousBottom = line.box.y1
            previousHeight = line.height
            i += 1
        }
        return out
    }
}

/// Consecutive lines that form a table: columns from the gutters (vertical strips no
/// line prints across), one `TextLine` per table row.
struct TableRegion {
    var model: PageModel
    var lines: [OCRLine]

    /// One row in the making: words per column.
    struct Row {
        var cells: [[Word]]
        var anchorFilled: Int
        var bottom: Double
    }

    func gutters() -> [ClosedRange<Double>] {
        let n = lines.count
        guard n >= 2 else { return [] }
        let left = lines.map(\.box.x0).min()!, right = lines.map(\.box.x1).max()!
        let bins = Int(right - left) + 1
        var coverage = [Int](repeating: 0, count: bins)
        for line in lines {
            var covered = [Bool](repeating: false, count: bins)
            for w in line.words {
                let a = max(0, Int(w.box!.x0 - left)), b = min(bins - 1, Int((w.box!.x1 - left).rounded(.up)))
                if a <= b { for k in a...b { covered[k] = true } }
            }
            for k in 0..<bins where covered[k] { coverage[k] += 1 }
        }
        let tolerance = n >= 8 ? n / 8 : (n >= 4 ? 1 : 0)
        let h = lines.map(\.height).sorted()[n / 2]
        let wideGaps: [(Double, Double)] = lines.flatMap { line -> [(Double, Double)] in
            let s = model.segments(line)
            return zip(s, s.dropFirst()).map { ($0.box.x1, $1.box.x0) }
        }
        var out: [ClosedRange<Double>] = []
        var k = 0
        while k < bins {
            guard coverage[k] <= tolerance else { k += 1; continue }
            var e = k
            while e + 1 < bins, coverage[e + 1] <= tolerance { e += 1 }
            let g = (left + Double(k))...(left + Double(e))
            if k > 0, e < bins - 1, g.upperBound - g.lowerBound >= 0.5 * h,
               wideGaps.contains(where: { $0.1 > g.lowerBound && $0.0 < g.upperBound }) {
                out.append(g)
            }
            k = e + 1
        }
        return out
    }

    func rows() -> [TextLine] {
        let gutters = gutters()
        if ProcessInfo.processInfo.environment["OCR_DUMP_GUTTERS"] != nil {
            print("region of \(lines.count) lines, gutters:", gutters.map { "\(Int($0.lowerBound))-\(Int($0.upperBound))" })
        }
        if gutters.isEmpty {
            // no column structure shared by the lines: each line's cells are its segments
            return lines.map { line in
                let segs = model.segments(line)
                return TextLine(cells: segs.map(\.text), cellBoxes: segs.map(\.box), box: line.box, words: line.words,
                                fontSize: line.height)
            }
        }
        let bounds = gutters.map { ($0.lowerBound + $0.upperBound) / 2 }
        let columns = bounds.count + 1
        func column(of x: Double) -> Int { bounds.firstIndex { x < $0 } ?? bounds.count }

        // each line as words per column; segments crossing a gutter (spanning labels) noted
        var grid: [[[Word]]] = []
        var spanning: [Bool] = []
        for line in lines {
            var cells = [[Word]](repeating: [], count: columns)
            var spans = false
            for s in model.segments(line, gutters: gutters) {
                let b = s.box
                cells[column(of: b.x0)] += s.words
                if gutters.contains(where: { b.x0 < $0.lowerBound && b.x1 > $0.upperBound }) { spans = true }
            }
            grid.append(cells)
            spanning.append(spans)
        }
        let filled = grid.map { $0.filter { !$0.isEmpty }.count }
        let isData = grid.map(Self.isDataLine)

        var rows: [Row] = []
        var start = 0
        // header: up to 4 tight lines before the first line of figures
        if columns > 1, let firstData = isData.firstIndex(of: true), firstData > 0 {
            var end = 1
            while end < firstData, end < 4, lines[end].box.y0 - lines[end - 1].box.y1 < model.options.paragraphGap * lines[end].height {
                end += 1
            }
            rows += headerRows(grid: Array(grid[0..<end]), spanning: Array(spanning[0..<end]), columns: columns)
            start = end
        }
        let headerRowCount = rows.count
        for k in start..<lines.count {
            let cells = grid[k]
            let line = lines[k]
            if rows.count > headerRowCount, var row = rows.last,
               !isData[k], !Self.startsItem(cells[0]),
               cells[0].isEmpty || filled[k] < row.anchorFilled,
               line.box.y0 - row.bottom < 1.2 * line.height {
                for c in 0..<columns { row.cells[c] += cells[c] }
                row.bottom = line.box.y1
                rows[rows.count - 1] = row
            } else {
                rows.append(Row(cells: cells, anchorFilled: filled[k], bottom: line.box.y1))
            }
        }
        return rows.map { row in
            let all = row.cells.flatMap { $0 }
            let box = Box.enclosing(all.map { $0.box! })
            let cellBoxes: [Box] = row.cells.enumerated().map { c, words in
                if let b = Box.enclosing(words.map { $0.box! }) { return b }
                let x = c == 0 ? (box?.x0 ?? 0) : bounds[c - 1]
                return Box(x0: x, y0: box?.y0 ?? 0, x1: x, y1: box?.y1 ?? 0)
            }
            return TextLine(cells: row.cells.map { $0.map(\.text).joined(separator: " ") }, cellBoxes: cellBoxes,
                            box: box, words: all, fontSize: lines.first?.height)
        }
    }

    /// Header lines merged per column: a label spanning several columns keeps a row of its
    /// own (with the columns whose labels start at or above it); the rest form the leaf row.
    func headerRows(grid: [[[Word]]], spanning: [Bool], columns: Int) -> [Row] {
        let bottom = lines[grid.count - 1].box.y1
        guard let spanLine = spanning.firstIndex(of: true) else {
            var cells = [[Word]](repeating: [], count: columns)
            for line in grid { for c in 0..<columns { cells[c] += line[c] } }
            return [Row(cells: cells, anchorFilled: Int.max, bottom: bottom)]
        }
        var top = [[Word]](repeating: [], count: columns)
        var leaf = [[Word]](repeating: [], count: columns)
        for c in 0..<columns {
            guard let first = grid.firstIndex(where: { !$0[c].isEmpty }) else { continue }
            for (l, line) in grid.enumerated() where !line[c].isEmpty {
                if l == spanLine || first < spanLine || (first == spanLine && l != spanLine && !isSpanningCell(line: spanLine, column: c, grid: grid)) {
                    top[c] += line[c]
                } else {
                    leaf[c] += line[c]
                }
            }
        }
        return [Row(cells: top, anchorFilled: Int.max, bottom: bottom), Row(cells: leaf, anchorFilled: Int.max, bottom: bottom)]
    }

    func isSpanningCell(line: Int, column: Int, grid: [[[Word]]]) -> Bool {
        guard let b = Box.enclosing(grid[line][column].map { $0.box! }) else { return false }
        return gutters().contains { b.x0 < $0.lowerBound && b.x1 > $0.upperBound }
    }

    /// A cell that is a figure: digits, at most a few letters (`£1.4m`, `16.46%`, `2,310`).
    static func isFigure(_ words: [Word]) -> Bool {
        let text = words.map(\.text).joined()
        guard !text.isEmpty, text.count <= 20 else { return false }
        let digits = text.filter(\.isNumber).count
        let letters = text.filter(\.isLetter).count
        return digits > 0 && letters <= 3 && digits >= letters
    }

    /// A line most of whose filled cells after the first are figures.
    static func isDataLine(_ cells: [[Word]]) -> Bool {
        let rest = cells.dropFirst().filter { !$0.isEmpty }
        guard !rest.isEmpty else { return false }
        let figures = rest.filter(isFigure).count
        return figures >= 1 && 2 * figures >= rest.count
    }

    /// A first cell that opens a new item: `4.`, `(ii)`, `b)`, `•`.
    static func startsItem(_ words: [Word]) -> Bool {
        guard let first = words.first?.text else { return false }
        return first.matches(pattern: #"^(\d{1,3}[.)]|\(?[ivx]{1,4}\)|\(?[a-h]\)|[•●▪\-–])$"#)
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
