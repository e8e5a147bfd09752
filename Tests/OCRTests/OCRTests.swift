import Foundation
import Testing
import ScrutinyCore
import Layout
import PDFText
import PageGeometry
@testable import OCR
import CTesseract

/// Tests/Fixtures/ocr: a scanned table page (gen-a-1 page 2, the scan's own 200 dpi grey
/// JPEG), the same page thresholded to a 150 dpi bi-level PNG, and a scanned page of a
/// KPI table with a direction-of-travel column (gen-i-1 page 2, 200 dpi grey JPEG).
let ocrFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ocr")
let tablePage = ocrFixtures.appendingPathComponent("table-page-200dpi.jpg").path
let bilevelPage = ocrFixtures.appendingPathComponent("bilevel-page-150dpi.png").path
let kpiTablePage = ocrFixtures.appendingPathComponent("kpi-table-page-200dpi.jpg").path

/// The fixture page OCR'd once for every test that reads it.
let tablePageText: Result<PageText, Error> = Result {
    let engine = try TesseractEngine()
    return try OCRPageReader().read(try ImageFile.load(tablePage), page: 2, engine: engine)
}

/// Tesseract is loaded on first use: the functions bind, and the library is the one the
/// Debian package installs (version 5).
@Suite struct TesseractLibraryTests {
    @Test func theFunctionsBindAndNameTheirVersion() throws {
        _ = try TesseractLibrary.functions()
        #expect(TesseractEngine.version.hasPrefix("5."), "\(TesseractEngine.version)")
        #expect(String(cString: scrutiny_tesseract_failure()).isEmpty)
    }
}

@Suite struct ImageFileTests {
    @Test func loadsAPNGAsGreyWithItsResolution() throws {
        let image = try ImageFile.load(bilevelPage)
        #expect(image.width == 1241)
        #expect(image.height == 1754)
        #expect(abs(image.dpi - 150) < 1)
        #expect(Set(image.pixels) == [0, 255])
    }

    @Test func loadsAGreyJPEGWithItsResolution() throws {
        let image = try ImageFile.load(tablePage)
        #expect(image.width == 1654)
        #expect(image.height == 2339)
        #expect(abs(image.dpi - 200) < 1)
        #expect(Set(image.pixels).count > 100)
        // the top-left margin is paper, the title's first letter ink
        #expect(image[20, 20] > 180)
        #expect(try ImageFile.loadPages(tablePage).count == 1)
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: OCRError.fileNotFound("/nonexistent/page.png")) { try ImageFile.load("/nonexistent/page.png") }
    }

    @Test func corruptFileIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-\(UUID()).png").path
        // a PNG signature followed by garbage
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 200)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: OCRError.unreadableImage(path)) { try ImageFile.load(path) }
        let error = OCRError.unreadableImage(path)
        #expect(error.description.contains("not a readable"))
    }
}

@Suite struct TesseractEngineTests {
    @Test func missingLanguageDataIsAClearError() {
        #expect {
            _ = try TesseractEngine(language: "xx-no-such-language")
        } throws: { error in
            guard case OCRError.languageDataMissing(let lang, _) = error else { return false }
            return lang == "xx-no-such-language" && "\(error)".contains("tesseract-ocr-")
        }
    }

    @Test func recognizesWordsWithPointBoxesAndConfidences() throws {
        let image = try ImageFile.load(tablePage)
        let words = try TesseractEngine().recognize(image)
        let texts = Set(words.map(\.text))
        for expected in ["Kirklees", "Council", "Measure", "16.46%", "19.96%", "13.5%", "159", "Performance"] {
            #expect(texts.contains(expected), "missing \(expected)")
        }
        // boxes are in points: the page is 595 x 842 pt (1654 x 2339 px at 200 dpi)
        let boxes = words.compactMap(\.box)
        #expect(boxes.count == words.count)
        #expect(boxes.allSatisfy { $0.x0 >= 0 && $0.x1 <= 596 && $0.y1 <= 843 && $0.x0 < $0.x1 })
        let kirklees = try #require(words.first { $0.text == "Kirklees" }?.box)
        #expect(abs(kirklees.x0 - 54) < 6)
        #expect(abs(kirklees.y0 - 36) < 6)
        // confidences in 0-100, high for clean words
        #expect(words.allSatisfy { ($0.confidence ?? -1) >= 0 && ($0.confidence ?? 101) <= 100 })
        #expect((words.first { $0.text == "Measure" }?.confidence ?? 0) > 80)
    }
}

@Suite struct OCRPageReaderTests {
    @Test func pageIsOCRWithLinesWordsAndSize() throws {
        let page = try tablePageText.get()
        #expect(page.method == .ocr)
        #expect(page.number == 2)
        #expect(abs((page.width ?? 0) - 595.7) < 2)
        #expect(page.lines.contains { $0.text.contains("Kirklees Council") })
        #expect(page.lines.allSatisfy { $0.isBlank || !$0.words.isEmpty })
        #expect(page.lines.allSatisfy { $0.isBlank || $0.cellBoxes?.count == $0.cells.count })
    }

    /// The OCR'd page through the same geometric layout as a PDF text layer.
    func tables() throws -> [Table] {
        let page = try tablePageText.get()
        let (pages, _) = GeometricLayout.prepare([page])
        return TableAssembler().blocks(for: pages).compactMap { b -> Table? in
            if case .table(let t) = b { return t } else { return nil }
        }
    }

    @Test func tableRowsAreSplitIntoCellsWithWrappedTextJoined() throws {
        let rows = try tables().flatMap { $0.headerRows + $0.rows.map(\.cells) }
        let row = try #require(rows.first { $0.first?.hasPrefix("2. (Reduce) stability") == true })
        try #require(row.count == 7)
        #expect(Array(row[1...5]) == ["13.5%", "9.8%", "7.4%", "11.1%", "8.00%"])
        #expect(row[6].hasPrefix("Current performance stands at"))
        #expect(row[0].contains("three or more"))
        // the right-aligned target and the comment beside it are separate cells
        let rereferrals = try #require(rows.first { $0.first?.hasPrefix("4. Re-referrals") == true })
        #expect(rereferrals.contains("13%"))
    }

    @Test func tableHeaderKeepsTheGroupLabelAndTheLeafLabels() throws {
        let rows = try tables().flatMap { $0.headerRows + $0.rows.map(\.cells) }
        let top = try #require(rows.first { $0.first == "Measure" && $0.count == 7 })
        #expect(top[1].hasPrefix("Actual (as"))
        #expect(top[2] == "Performance Against:")
        #expect(top[6].hasPrefix("Any Comments"))
        #expect(rows.contains { $0.count == 7 && $0[3] == "National" && $0[4].hasPrefix("Previous") })
    }

    @Test func wideGapsSplitCellsInALooseLine() throws {
        func w(_ t: String, _ x0: Double, _ x1: Double, y: Double = 100) -> Word {
            Word(text: t, box: Box(x0: x0, y0: y, x1: x1, y1: y + 8), confidence: 90)
        }
        // gaps of 2 pt between words, 40 pt before the value
        let page = OCRPageReader().layout([[w("Total", 50, 70), w("spend", 72, 95), w("£1.4m", 135, 160)]])
        let lines = page.lines.filter { !$0.isBlank }
        try #require(lines.count == 1)
        #expect(lines[0].cells == ["Total spend", "£1.4m"])
        // the value's cell spans its word (boxes are font boxes now: its height is the line's em)
        #expect(lines[0].cellBoxes?.last.map { $0.x0 == 135 && $0.x1 == 160 } == true)
        // a prose line with ordinary gaps stays one cell
        let prose = OCRPageReader().layout([[w("The", 50, 62), w("figure", 65, 85), w("rose", 88, 102)]])
        #expect(prose.lines.filter { !$0.isBlank }.map(\.cells) == [["The figure rose"]])
    }

    @Test func wordsOfALineGetOneFontBoxWhateverTheirLetters() throws {
        // ink boxes at 200 dpi (a pixel is 0.36 pt): capitals 7.6 pt tall, `some` only x-height,
        // `Ag` with a descender, on one baseline at y = 107.6
        let pixel = 72.0 / 200
        func w(_ t: String, _ x0: Double, _ y0: Double, _ y1: Double) -> Word {
            Word(text: t, box: Box(x0: x0, y0: y0, x1: x0 + 20, y1: y1), confidence: 90)
        }
        let em = 10.0
        let base = 107.6
        let line = [w("Care", 10, base - 0.73 * em - pixel, base + pixel),
                    w("some", 40, base - 0.53 * em - pixel, base + pixel),
                    w("Ag", 70, base - 0.73 * em - pixel, base + 0.21 * em + pixel)]
        let boxed = OCRPageReader.typeBoxes(line, pixel: pixel)
        for word in boxed {
            let b = try #require(word.box)
            #expect(abs(b.y0 - (base - 0.77 * em)) < 0.01)
            #expect(abs(b.y1 - (base + 0.23 * em)) < 0.01)
            #expect(word.fontSize == em)
        }
        // a speck read as `4`, two points high (under a third of the line's size), is dropped
        // however sure tesseract is of it
        let speck = Word(text: "4", box: Box(x0: 100, y0: base - 2, x1: 102, y1: base), confidence: 11)
        #expect(OCRPageReader.typeBoxes(line + [speck], pixel: pixel).count == 3)
        var sure = speck
        sure.confidence = 90
        #expect(OCRPageReader.typeBoxes(line + [sure], pixel: pixel).count == 3)
        // a glyph at about 0.4 of the line's size is dropped when read with little confidence,
        // and kept when read surely
        let small = Word(text: "4", box: Box(x0: 100, y0: base - 3.6, x1: 103, y1: base), confidence: 11)
        #expect(OCRPageReader.typeBoxes(line + [small], pixel: pixel).count == 3)
        var smallSure = small
        smallSure.confidence = 90
        #expect(OCRPageReader.typeBoxes(line + [smallSure], pixel: pixel).count == 4)
        // a smaller glyph at half the line's size, read with confidence, stays (a footnote mark)
        var mark = sure
        mark.box = Box(x0: 100, y0: base - 4.2, x1: 103, y1: base)
        #expect(OCRPageReader.typeBoxes(line + [mark], pixel: pixel).count == 4)
        // a speck read as a line of its own goes by the page's type size
        var alone = OCRPageReader.typeBoxes([sure], pixel: pixel)
        #expect(alone.count == 1)
        alone = OCRPageReader.withoutSpecks(boxed + alone)
        #expect(alone.count == boxed.count)
        #expect(InkExtent("vacancies")?.above == 0.73)   // the dots of i stand as tall as capitals
        #expect(InkExtent("some")?.above == 0.53)
        #expect(InkExtent("—") == nil)
    }

    @Test func ruledLinesArePaintedOutBeforeOCR() {
        // 144 dpi: a horizontal rule 1 px thick across row 50, a word-sized block of ink below it
        var px = [UInt8](repeating: 255, count: 300 * 100)
        for x in 10..<290 { px[50 * 300 + x] = 0 }
        for y in 60..<70 { for x in 20..<40 { px[y * 300 + x] = 0 } }
        let image = GrayImage(width: 300, height: 100, pixels: px, dpi: 144)
        let rules = RuleFinder.rules(in: image)
        #expect(!rules.isEmpty)
        let erased = OCRPageReader.erasing(rules, from: image)
        #expect((10..<290).allSatisfy { erased[$0, 50] == 255 })
        #expect(erased[30, 65] == 0)   // the ink that is not a rule stays
        // a short thick stroke (the stem of a large letter) is left alone
        let stem = [Box(x0: 20, y0: 20, x1: 21.5, y1: 32)]
        #expect(OCRPageReader.erasing(stem, from: image) == image)
    }

    @Test func specksAreDroppedButLowConfidenceFiguresKept() {
        let words = [Word(text: "Rate", box: Box(x0: 10, y0: 10, x1: 30, y1: 18), confidence: 95),
                     Word(text: "~", box: Box(x0: 33, y0: 10, x1: 35, y1: 12), confidence: 20),
                     Word(text: "12%", box: Box(x0: 38, y0: 10, x1: 55, y1: 18), confidence: 40)]
        let page = OCRPageReader().layout([words])
        #expect(page.lines.filter { !$0.isBlank }.map(\.text) == ["Rate 12%"])
        #expect(page.lines.compactMap(\.minConfidence) == [40])
        // a comparison sign read with confidence is part of the title
        let title = [Word(text: "out", box: Box(x0: 10, y0: 10, x1: 25, y1: 18), confidence: 95),
                     Word(text: "<", box: Box(x0: 28, y0: 11, x1: 32, y1: 17), confidence: 90),
                     Word(text: "35", box: Box(x0: 35, y0: 10, x1: 45, y1: 18), confidence: 95)]
        #expect(OCRPageReader().layout([title]).lines.filter { !$0.isBlank }.map(\.text) == ["out < 35"])
    }
}

@Suite struct DeskewTests {
    /// Lines of dark bars like text lines, on white, 150 dpi.
    func syntheticPage() -> GrayImage {
        let w = 900, h = 1100
        var px = [UInt8](repeating: 255, count: w * h)
        var y = 80
        while y < h - 80 {
            var x = 80
            var word = 0
            while x < w - 80 {
                let len = 20 + (word * 37) % 50
                for yy in y..<(y + 12) { for xx in x..<min(w - 80, x + len) { px[yy * w + xx] = 0 } }
                x += len + 12
                word += 1
            }
            y += 28
        }
        return GrayImage(width: w, height: h, pixels: px, dpi: 150)
    }

    @Test(arguments: [2.0, -1.3, 0.7])
    func recoversTheAngleOfARotatedPage(angle: Double) {
        // rotating by -angle tilts the level page by +angle
        let tilted = Deskew.rotate(syntheticPage(), by: -angle)
        let found = Deskew.estimateAngle(tilted)
        #expect(abs(found - angle) < 0.2, "found \(found) for \(angle)")
        let (level, _) = Deskew.straighten(tilted)
        #expect(abs(Deskew.estimateAngle(level)) < 0.2)
    }

    @Test func levelPageIsLeftAlone() {
        let page = syntheticPage()
        #expect(abs(Deskew.estimateAngle(page)) < 0.1)
        #expect(Deskew.straighten(page).image == page)
    }

    @Test func blankPageHasNoSkew() {
        #expect(Deskew.estimateAngle(GrayImage(width: 100, height: 100, pixels: Array(repeating: 255, count: 10_000), dpi: 300)) == 0)
    }
}

@Suite struct OCRPoolTests {
    @Test func pagesComeBackInOrderFromTwoThreads() throws {
        let image = try ImageFile.load(tablePage)
        let top = GrayImage(width: image.width, height: 200, pixels: Array(image.pixels[0..<(image.width * 200)]), dpi: image.dpi)
        let blank = GrayImage(width: 300, height: 300, pixels: Array(repeating: 255, count: 90_000), dpi: 150)
        let pages = try OCRPool(threads: 2).read([OCRPageJob(image: top, page: 1), OCRPageJob(image: blank, page: 2),
                                                   OCRPageJob(image: top, page: 3)])
        try #require(pages.map(\.number) == [1, 2, 3])
        #expect(pages[0].lines.contains { $0.text.contains("Kirklees") })
        #expect(pages[1].lines.allSatisfy { $0.isBlank })
        #expect(pages[0].lines.map(\.text) == pages[2].lines.map(\.text))
    }

    /// `--jobs N` is a core budget: the pool takes the width it is given before it starts,
    /// and keeps its threads once pages have been read.
    @Test func thePoolTakesTheCoresItIsGivenUntilItStarts() throws {
        let pool = OCRPool(threads: 4)
        pool.use(cores: 1)
        #expect(pool.threads == 1)
        let blank = GrayImage(width: 100, height: 100, pixels: Array(repeating: 255, count: 10_000), dpi: 150)
        _ = try pool.read([OCRPageJob(image: blank, page: 1)])
        // counter-example: once started, a new width is not taken
        pool.use(cores: 3)
        #expect(pool.threads == 1)
    }
}

@Suite struct NoiseWordTests {
    @Test func aWordReadWithZeroConfidenceIsNoiseUnlessItHoldsDigits() {
        let reader = OCRPageReader()
        #expect(!reader.keep(Word(text: "gerig", confidence: 0)))
        // counter-examples: a figure read unsure, a word read with some confidence
        #expect(reader.keep(Word(text: "17.3%", confidence: 0)))
        #expect(reader.keep(Word(text: "gerig", confidence: 35)))
    }
}

@Suite struct DoubtfulFigureIsReadAgainTests {
    /// The fixture page's table row of in-house foster carers, cell by cell.
    func fosterCarersRow(_ page: PageText) throws -> [String] {
        let (pages, _) = GeometricLayout.prepare([page])
        let rows = TableAssembler().blocks(for: pages).flatMap { b -> [[String]] in
            if case .table(let t) = b { return t.rows.map(\.cells) } else { return [] }
        }
        return try #require(rows.first { $0.first?.hasPrefix("1. Numbers of") == true })
    }

    @Test func aFigureReadUnsureOnThePageIsReadRightAlone() throws {
        var once = OCRPageReader.Options()
        once.readsDoubtfulWordsAgain = false
        let firstReading = try OCRPageReader(options: once).read(try ImageFile.load(tablePage), page: 2, engine: try TesseractEngine())
        // read a line at a time, the `153` of the row comes out `2556`, with confidence 32
        let before = try fosterCarersRow(firstReading)
        try #require(before.count >= 6)
        #expect(before[4] == "2556")
        let doubted = try #require(firstReading.lines.flatMap(\.words).first { $0.text == "2556" })
        #expect(OCRPageReader.doubtfulFigureLook.isDoubtful(doubted, false))
        // read again alone, it is right; the figures read with confidence beside it are as they were
        let after = try fosterCarersRow(try tablePageText.get())
        #expect(after[4].hasPrefix("153"))
        #expect(Array(after[1...3]) == ["159", "205", "208"] && after[5] == "167")
    }

    @Test func onlyAFigureReadUnsureIsDoubted() {
        let box = Box(x0: 100, y0: 100, x1: 130, y1: 110)
        #expect(OCRPageReader.doubtfulFigureLook.isDoubtful(Word(text: "$5:30", box: box, confidence: 20), false))
        // counter-examples: a figure read with fair confidence, a word without a digit, a speck
        #expect(!OCRPageReader.doubtfulFigureLook.isDoubtful(Word(text: "16.46%", box: box, confidence: 80), false))
        #expect(!OCRPageReader.doubtfulFigureLook.isDoubtful(Word(text: "Kirkless", box: box, confidence: 20), false))
        #expect(!OCRPageReader.doubtfulFigureLook.isDoubtful(Word(text: "1", box: Box(x0: 100, y0: 100, x1: 101, y1: 102), confidence: 20), false))
    }

    @Test func aSecondReadingIsKeptOnlyWhenSurerAndStillTheFigure() {
        let box = Box(x0: 100, y0: 100, x1: 130, y1: 110)
        let first = Word(text: "1S:3%", box: box, confidence: 10)
        #expect(OCRPageReader.doubtfulFigureLook.prefers([Word(text: "13.3%", box: box, confidence: 70)], first))
        // counter-examples: less sure, no digit left, the decimal point of the first reading lost
        #expect(!OCRPageReader.doubtfulFigureLook.prefers([Word(text: "13.3%", box: box, confidence: 5)], first))
        #expect(!OCRPageReader.doubtfulFigureLook.prefers([Word(text: "IS:", box: box, confidence: 70)], first))
        let point = Word(text: "22.2", box: box, confidence: 40)
        #expect(!OCRPageReader.doubtfulFigureLook.prefers([Word(text: "222)", box: box, confidence: 60)], point))
    }
}

@Suite struct RunTogetherWordIsReadAgainTests {
    /// The page's words, read with or without second looks.
    func words(secondLooks: Bool) throws -> [String] {
        var options = OCRPageReader.Options()
        options.readsDoubtfulWordsAgain = secondLooks
        let page = try OCRPageReader(options: options).read(try ImageFile.load(kpiTablePage), page: 2, engine: try TesseractEngine())
        return page.lines.flatMap(\.words).map(\.text)
    }

    @Test func wordsRunTogetherInATableRowComeApartReadAlone() throws {
        // read a line at a time, the direction-of-travel cells `No change` come out as one word
        let once = try words(secondLooks: false)
        #expect(once.contains("Nochange"))
        // read again alone, they are two; the prose line's own `No change` was right all along
        let twice = try words(secondLooks: true)
        #expect(!twice.contains("Nochange"))
        #expect(twice.filter { $0 == "change" }.count == once.filter { $0 == "change" }.count + once.filter { $0 == "Nochange" }.count)
    }

    @Test func onlyALongWordOutsideTheDictionaryIsDoubted() {
        let box = Box(x0: 100, y0: 100, x1: 140, y1: 110)
        #expect(OCRPageReader.runTogetherLook.isDoubtful(Word(text: "Nochange", box: box, confidence: 91), false))
        // counter-examples: a dictionary word, a short word, a figure
        #expect(!OCRPageReader.runTogetherLook.isDoubtful(Word(text: "children", box: box, confidence: 91), true))
        #expect(!OCRPageReader.runTogetherLook.isDoubtful(Word(text: "EHAs", box: box, confidence: 47), false))
        #expect(!OCRPageReader.runTogetherLook.isDoubtful(Word(text: "1,234.5", box: box, confidence: 60), false))
    }

    @Test func aSecondReadingIsKeptOnlyWhenItAddsSpaces() {
        let box = Box(x0: 100, y0: 100, x1: 140, y1: 110)
        let old = Word(text: "returnsin12", box: box, confidence: 47)
        let parts = ["returns", "in", "12"].map { Word(text: $0, box: box, confidence: 95) }
        #expect(OCRPageReader.runTogetherLook.prefers(parts, old))
        // counter-examples: a reading that changes a character, one that is still one word
        #expect(!OCRPageReader.runTogetherLook.prefers(["returns", "in", "I2"].map { Word(text: $0, box: box, confidence: 95) }, old))
        #expect(!OCRPageReader.runTogetherLook.prefers([Word(text: "returnsin12", box: box, confidence: 95)], old))
    }
}
