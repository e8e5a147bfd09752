import Foundation
import ScrutinyCore
import TextInput
import PDFText
import OCR

/// The text stage: a document's pages as lines of words, from a text export, a PDF's
/// text layer, or OCR of scanned pages and images.
public struct TextStage: Stage {
    public static let name = "text"
    public static let version = 1

    /// When to OCR: `auto` (pages without a usable text layer, and images), `always`, `never`.
    public enum OCRMode: String, Codable, Sendable { case auto, always, never }

    /// Text stage options, as the pipeline file spells them.
    public struct Options: Codable, Sendable, Hashable {
        public var ocr: OCRMode = .auto
        /// Resolution for rendering pages that are not one embedded scan.
        public var dpi: Double = 300
        /// Refuse PDFs with more pages than this.
        public var maxPages: Int = 5000

        public init() {}
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ocr = try c.decodeIfPresent(OCRMode.self, forKey: .ocr) ?? .auto
            dpi = try c.decodeIfPresent(Double.self, forKey: .dpi) ?? 300
            maxPages = try c.decodeIfPresent(Int.self, forKey: .maxPages) ?? 5000
        }
        enum CodingKeys: String, CodingKey { case ocr, dpi, maxPages = "max_pages" }
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ input: SourceDocument, context: StageContext) throws -> DocumentText {
        switch input.kind {
        case .text, .markdown, .html:
            let data = try Data(contentsOf: URL(fileURLWithPath: input.path))
            return try TextExportReader().read(input, data: data)
        case .pdf:
            // pages without a usable text layer come back with needsOCR and a warning
            return try PDFTextReader(options: .init(maxPages: options.maxPages)).read(input)
        case .image:
            throw UnreadableInput("\(input.kind.rawValue) input is not supported by this build")
        }
    }
}
