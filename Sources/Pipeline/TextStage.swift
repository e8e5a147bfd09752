import Foundation
import ScrutinyCore
import TextInput
import PDFText
import OCR

/// The text stage: a document's pages as lines of words, from a text export, a PDF's
/// text layer, or OCR of scanned pages and images.
public struct TextStage: Stage {
    public static let name = "text"
    public static let version = 22

    /// When to OCR: `auto` (pages without a usable text layer, and images), `always`, `never`.
    public enum OCRMode: String, Codable, Sendable { case auto, always, never }

    /// Text stage options, as the pipeline file spells them.
    public struct Options: Codable, Sendable, Hashable {
        public var ocr: OCRMode = .auto
        /// Resolution for rendering pages that are not one embedded scan.
        public var dpi: Double = 300
        /// Refuse PDFs with more pages than this.
        public var maxPages: Int = 5000
        /// How OCR'd pages are read (segmentation, confidence floor, cell gaps, deskew).
        public var ocrPage = OCRPageReader.Options()
        /// Where a born-digital page's ruling lines come from (`drawing`: its strokes and
        /// fills; `raster`: a 72-dpi render, for papers whose rules are pictures).
        public var rules: PDFTextReader.RuleSource = .drawing

        public init() {}
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ocr = try c.decodeIfPresent(OCRMode.self, forKey: .ocr) ?? .auto
            dpi = try c.decodeIfPresent(Double.self, forKey: .dpi) ?? 300
            maxPages = try c.decodeIfPresent(Int.self, forKey: .maxPages) ?? 5000
            rules = try c.decodeIfPresent(PDFTextReader.RuleSource.self, forKey: .rules) ?? .drawing
            var page = OCRPageReader.Options()
            if let psm = try c.decodeIfPresent(Int.self, forKey: .psm) {
                guard let mode = PageSegmentation(rawValue: psm) else {
                    throw DecodingError.dataCorruptedError(forKey: .psm, in: c, debugDescription: "psm must be 3, 4, 6 or 11")
                }
                page.segmentation = mode
            }
            page.minConfidence = try c.decodeIfPresent(Double.self, forKey: .minConfidence) ?? page.minConfidence
            page.deskew = try c.decodeIfPresent(Bool.self, forKey: .deskew) ?? page.deskew
            ocrPage = page
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ocr, forKey: .ocr)
            try c.encode(dpi, forKey: .dpi)
            try c.encode(maxPages, forKey: .maxPages)
            try c.encode(rules, forKey: .rules)
            try c.encode(ocrPage.segmentation.rawValue, forKey: .psm)
            try c.encode(ocrPage.minConfidence, forKey: .minConfidence)
            try c.encode(ocrPage.deskew, forKey: .deskew)
        }
        enum CodingKeys: String, CodingKey {
            case ocr, dpi, maxPages = "max_pages", psm, minConfidence = "min_confidence", deskew, rules
        }
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ input: SourceDocument, context: StageContext) throws -> DocumentText {
        switch input.kind {
        case .text, .markdown, .html:
            let data = try Data(contentsOf: URL(fileURLWithPath: input.path))
            return try TextExportReader().read(input, data: data)
        case .image:
            guard options.ocr != .never else { throw UnreadableInput("image input needs OCR, and ocr is 'never'") }
            let images = try ImageFile.loadPages(input.path)
            let jobs = images.enumerated().map { OCRPageJob(image: $1, page: $0 + 1) }
            let pages = try OCRPool.shared.read(jobs, options: options.ocrPage)
            context.pagesDone(pages.count)
            return DocumentText(source: input, pages: pages, pageCount: pages.count)
        case .pdf:
            // Pages without a usable text layer come back marked needsOCR, with a warning.
            let text = try PDFTextReader(options: .init(maxPages: options.maxPages, rules: options.rules)).read(input)
            try context.checkDeadline()
            return try ocrPages(of: text, path: input.path, context: context)
        }
    }

    /// OCRs the pages marked `needsOCR` (every page when `ocr` is `always`) on the shared
    /// pool: the page's own scan image at its native resolution when it is one, else the
    /// page rendered at `dpi`. OCR'd pages replace the text layer's lines and rules.
    func ocrPages(of text: DocumentText, path: String, context: StageContext) throws -> DocumentText {
        var text = text
        let wanted = text.pages.indices.filter { options.ocr == .always || (options.ocr == .auto && text.pages[$0].needsOCR) }
        if options.ocr == .never {
            for i in text.pages.indices where text.pages[i].needsOCR {
                text.pages[i].warnings.append("no usable text layer and OCR is off")
            }
        }
        guard !wanted.isEmpty else { return text }
        let document = try PopplerDocument(path: path)
        let jobs = wanted.compactMap { i -> OCRPageJob? in
            guard let page = document.page(i) else { return nil }
            let image = page.embeddedScanImage() ?? page.render(dpi: options.dpi)
            return OCRPageJob(image: image, page: text.pages[i].number ?? i + 1)
        }
        try context.checkDeadline()
        let read = try OCRPool.shared.read(jobs, options: options.ocrPage)
        context.pagesDone(read.count)
        for page in read {
            guard let i = text.pages.firstIndex(where: { $0.number == page.number }) else { continue }
            var ocr = page
            // keep the page size in the PDF's points even when the scan's resolution is odd
            ocr.width = text.pages[i].width ?? page.width
            ocr.height = text.pages[i].height ?? page.height
            ocr.warnings = text.pages[i].warnings + page.warnings
            ocr.needsOCR = false
            text.pages[i] = ocr
        }
        return text
    }
}
