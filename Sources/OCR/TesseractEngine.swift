import CTesseract
import Foundation
import ScrutinyCore

/// Why OCR could not run or could not read an input.
public enum OCRError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Tesseract could not load its language data (`eng.traineddata` not installed or
    /// `TESSDATA_PREFIX` pointing elsewhere).
    case languageDataMissing(language: String, datapath: String?)
    /// Tesseract failed on a page image.
    case recognitionFailed(String)
    /// An image file that does not exist.
    case fileNotFound(String)
    /// An image file leptonica cannot decode (corrupt, truncated, or not an image).
    case unreadableImage(String)
    /// An image with no pixels, or of a size tesseract cannot take.
    case badImage(String)
    /// The tesseract library could not be loaded (not installed, or without a function we call).
    case libraryMissing(String)

    public var description: String {
        switch self {
        case let .languageDataMissing(language, datapath):
            let place = datapath ?? "the default tessdata folder (or TESSDATA_PREFIX)"
            return "tesseract language data '\(language)' not found in \(place); install tesseract-ocr-\(language)"
        case let .recognitionFailed(why): return "tesseract failed: \(why)"
        case let .fileNotFound(path): return "image file not found: \(path)"
        case let .unreadableImage(path): return "not a readable PNG/TIFF/JPEG image: \(path)"
        case let .badImage(why): return "bad page image: \(why)"
        case let .libraryMissing(why): return "tesseract is not available: \(why)"
        }
    }
}

/// Tesseract's page segmentation modes that make sense for whole pages.
public enum PageSegmentation: Int, Codable, Sendable, Hashable {
    /// Fully automatic segmentation into blocks (tesseract's default, `--psm 3`).
    case auto = 3
    /// One column of text of varying sizes (`--psm 4`): lines run across the whole page,
    /// which keeps table rows together.
    case singleColumn = 4
    /// One uniform block of text (`--psm 6`).
    case singleBlock = 6
    /// One word (`--psm 8`): how a word cut out of a page is read again.
    case singleWord = 8
    /// As much text as possible in no particular order (`--psm 11`).
    case sparse = 11
}

/// One line as tesseract's iterator reported it: its words, left to right.
public struct RecognizedLine: Sendable, Hashable {
    public var words: [Word]
    /// The union of the words' boxes, in points.
    public var box: ScrutinyCore.Box? { ScrutinyCore.Box.enclosing(words.compactMap(\.box)) }
}

/// The one owner of a `TessBaseAPI`. Not thread-safe and not `Sendable`: create one per
/// worker thread and keep it there. Every tesseract call of the project goes through here.
public final class TesseractEngine {
    private let tess: ScrutinyTesseract
    private let api: OpaquePointer
    public let language: String

    /// The page segmentation mode used by the next `recognize` call.
    public var segmentation: PageSegmentation {
        didSet { tess.TessBaseAPISetPageSegMode(api, TessPageSegMode(UInt32(segmentation.rawValue))) }
    }

    /// Loads `language` from the default tessdata folder (or `TESSDATA_PREFIX`, which must
    /// be the `tessdata` folder itself).
    public init(language: String = "eng", segmentation: PageSegmentation = .singleColumn) throws {
        let tess = try TesseractLibrary.functions()
        self.tess = tess
        guard let api = tess.TessBaseAPICreate() else { throw OCRError.recognitionFailed("TessBaseAPICreate returned nil") }
        // tesseract prints "Error opening data file" itself; we turn the -1 into an error.
        if tess.TessBaseAPIInit3(api, nil, language) != 0 {
            tess.TessBaseAPIDelete(api)
            throw OCRError.languageDataMissing(language: language, datapath: Environment.tessdataPrefix)
        }
        self.api = api
        self.language = language
        self.segmentation = segmentation
        tess.TessBaseAPISetPageSegMode(api, TessPageSegMode(UInt32(segmentation.rawValue)))
        // tesseract's progress chatter ("Detected 60 diacritics") and leptonica's messages about
        // its own internal calls are not the user's business: our errors are thrown instead
        _ = tess.TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        _ = Self.quietLeptonica
    }

    /// Leptonica's message threshold set to print nothing, once per process.
    private static let quietLeptonica: Void = { _ = try? TesseractLibrary.functions().setMsgSeverity(6) }()  // L_SEVERITY_NONE

    deinit {
        tess.TessBaseAPIEnd(api)
        tess.TessBaseAPIDelete(api)
    }

    /// The tesseract library version.
    public static var version: String {
        (try? TesseractLibrary.functions()).flatMap { $0.TessVersion().map { String(cString: $0) } } ?? "not available"
    }

    /// Sets a tesseract variable (e.g. `preserve_interword_spaces`); false if unknown.
    @discardableResult
    public func setVariable(_ name: String, _ value: String) -> Bool {
        tess.TessBaseAPISetVariable(api, name, value) != 0
    }

    /// The words of a page image, in tesseract's reading order, boxes in points.
    public func recognize(_ image: GrayImage) throws -> [Word] {
        try recognizeLines(image).flatMap(\.words)
    }

    /// A word of a page read once more on its own, cut out of the page image with a margin.
    public struct SecondLook: Sendable {
        /// How the cut-out word is read (`singleWord` or `singleBlock`).
        public var segmentation: PageSegmentation
        /// Whether a word the page reading gave is worth reading again; `inDictionary` tells
        /// whether tesseract found the word in its dictionary.
        public var isDoubtful: @Sendable (_ word: Word, _ inDictionary: Bool) -> Bool
        /// Whether the new reading (`reread`, its words with their own boxes and
        /// confidences) replaces the old `word`.
        public var prefers: @Sendable (_ reread: [Word], _ over: Word) -> Bool
        /// The margin around the word's box, as a share of its height.
        public var margin: Double

        public init(segmentation: PageSegmentation, margin: Double, isDoubtful: @escaping @Sendable (Word, Bool) -> Bool,
                    prefers: @escaping @Sendable ([Word], Word) -> Bool) {
            self.segmentation = segmentation; self.margin = margin; self.isDoubtful = isDoubtful; self.prefers = prefers
        }
    }

    /// The page's text lines as tesseract groups them (one per text-line start of the
    /// result iterator), each with its words; boxes are in points (pixels × 72 / dpi),
    /// each word carries tesseract's confidence (0–100). A word that one of `secondLooks`
    /// doubts is read again alone (cut out with the look's margin, read with its
    /// segmentation) and replaced by the first new reading a look prefers.
    public func recognizeLines(_ image: GrayImage, secondLooks: [SecondLook] = []) throws -> [RecognizedLine] {
        guard image.width > 0, image.height > 0 else { throw OCRError.badImage("empty image") }
        let dpi = image.dpi > 0 ? image.dpi : 300
        let scale = 72 / dpi
        image.pixels.withUnsafeBufferPointer { buf in
            tess.TessBaseAPISetImage(api, buf.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        tess.TessBaseAPISetSourceResolution(api, Int32(dpi.rounded()))
        defer { tess.TessBaseAPIClear(api) }
        guard tess.TessBaseAPIRecognize(api, nil) == 0 else { throw OCRError.recognitionFailed("Recognize returned an error") }
        let read = readResults(scale: scale)
        guard !secondLooks.isEmpty else { return read.map { RecognizedLine(words: $0.map(\.word)) } }
        defer { tess.TessBaseAPISetPageSegMode(api, TessPageSegMode(UInt32(segmentation.rawValue))) }
        return read.map { line in
            RecognizedLine(words: line.flatMap { w, inDictionary -> [Word] in
                for look in secondLooks where look.isDoubtful(w, inDictionary) {
                    if let box = w.box, let reread = readAlone(box, scale: scale, look: look, in: image), look.prefers(reread, w) {
                        return reread
                    }
                }
                return [w]
            })
        }
    }

    /// The words of the last recognition, grouped into lines, each with whether tesseract
    /// found it in its dictionary.
    private func readResults(scale: Double) -> [[(word: Word, inDictionary: Bool)]] {
        guard let it = tess.TessBaseAPIGetIterator(api) else { return [] }
        defer { tess.TessResultIteratorDelete(it) }
        let page = tess.TessResultIteratorGetPageIterator(it)

        var lines: [[(word: Word, inDictionary: Bool)]] = []
        var current: [(word: Word, inDictionary: Bool)] = []
        repeat {
            if tess.TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0, !current.isEmpty {
                lines.append(current); current = []
            }
            guard let cText = tess.TessResultIteratorGetUTF8Text(it, RIL_WORD) else { continue }
            let text = String(cString: cText)
            tess.TessDeleteText(cText)
            let trimmed = text.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            var box: ScrutinyCore.Box?
            if tess.TessPageIteratorBoundingBox(page, RIL_WORD, &l, &t, &r, &b) != 0 {
                box = ScrutinyCore.Box(x0: Double(l) * scale, y0: Double(t) * scale, x1: Double(r) * scale, y1: Double(b) * scale)
            }
            let conf = Double(tess.TessResultIteratorConfidence(it, RIL_WORD))
            current.append((Word(text: trimmed, box: box, confidence: max(0, min(100, conf))),
                            tess.TessResultIteratorWordIsFromDictionary(it) != 0))
        } while tess.TessResultIteratorNext(it, RIL_WORD) != 0
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `box` (points) of the image set for recognition, widened by the look's margin (a share
    /// of its height) on every side, read with the look's segmentation: its words with their
    /// own boxes (in the page's points) and confidences; nil when it reads nothing.
    private func readAlone(_ box: ScrutinyCore.Box, scale: Double, look: SecondLook, in image: GrayImage) -> [Word]? {
        let pad = box.height * look.margin
        let x0 = max(0, Int(((box.x0 - pad) / scale).rounded(.down))), x1 = min(image.width, Int(((box.x1 + pad) / scale).rounded(.up)))
        let y0 = max(0, Int(((box.y0 - pad) / scale).rounded(.down))), y1 = min(image.height, Int(((box.y1 + pad) / scale).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
        tess.TessBaseAPISetPageSegMode(api, TessPageSegMode(UInt32(look.segmentation.rawValue)))
        tess.TessBaseAPISetRectangle(api, Int32(x0), Int32(y0), Int32(x1 - x0), Int32(y1 - y0))
        guard tess.TessBaseAPIRecognize(api, nil) == 0 else { return nil }
        let words = readResults(scale: scale).flatMap { $0.map(\.word) }
        return words.isEmpty ? nil : words
    }
}

/// Tesseract's and leptonica's functions, loaded the first time OCR needs them
/// (`CTesseract`): commands that never OCR never load the libraries.
enum TesseractLibrary {
    /// The bound functions, or why the libraries could not be loaded.
    static func functions() throws -> ScrutinyTesseract {
        guard let table = scrutiny_tesseract() else {
            throw OCRError.libraryMissing(String(cString: scrutiny_tesseract_failure()))
        }
        return table.pointee
    }
}

enum Environment {
    static var tessdataPrefix: String? {
        ProcessInfo.processInfo.environment["TESSDATA_PREFIX"]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
