/// How a document's text was obtained (the contract's `method`).
public enum TextMethod: String, Codable, Sendable {
    case text, pdf, ocr, mixed
}

/// The kind of source file, decided by ingest from its bytes and name.
public enum SourceKind: String, Codable, Sendable {
    case text, markdown, html, pdf, image
}

/// A source file as ingest found it: identity and kind, no content yet.
public struct SourceDocument: Codable, Hashable, Sendable {
    /// SHA-256 (lower-case hex) of the file's bytes.
    public var docID: String
    /// The file's name as given, without folders.
    public var source: String
    /// The path the file was read from.
    public var path: String
    public var kind: SourceKind
    public var byteCount: Int

    public init(docID: String, source: String, path: String, kind: SourceKind, byteCount: Int) {
        self.docID = docID; self.source = source; self.path = path; self.kind = kind; self.byteCount = byteCount
    }
}

/// One word as read from a page, with its box where the source has geometry.
public struct Word: Codable, Hashable, Sendable {
    public var text: String
    public var box: Box?
    public var fontSize: Double?
    public var bold: Bool
    /// OCR confidence, 0–100; nil for text layers.
    public var confidence: Double?

    public init(text: String, box: Box? = nil, fontSize: Double? = nil, bold: Bool = false, confidence: Double? = nil) {
        self.text = text; self.box = box; self.fontSize = fontSize; self.bold = bold; self.confidence = confidence
    }
}

/// A line of text. For sources with geometry, `cells` splits it where the
/// horizontal gaps are wide; for text exports `cells` are the tab-separated fields.
public struct TextLine: Codable, Hashable, Sendable {
    /// The line's cells, left to right (a line outside any table has one cell).
    public var cells: [String]
    /// Each cell's box, parallel to `cells`, where the source has geometry.
    public var cellBoxes: [Box]?
    public var box: Box?
    public var words: [Word]
    public var bold: Bool
    /// Markdown heading level (`#` = 1) or a font-size derived level; nil for body text.
    public var headingLevel: Int?
    public var fontSize: Double?
    /// For pages with geometry: the id (unique within the page) of the table region this
    /// line is a row of, as found by the geometric table finder; nil outside tables.
    /// Text exports leave it nil: there a line with several cells is a table row.
    public var tableRegion: Int?

    public init(cells: [String], cellBoxes: [Box]? = nil, box: Box? = nil, words: [Word] = [],
                bold: Bool = false, headingLevel: Int? = nil, fontSize: Double? = nil, tableRegion: Int? = nil) {
        self.cells = cells; self.cellBoxes = cellBoxes; self.box = box; self.words = words
        self.bold = bold; self.headingLevel = headingLevel; self.fontSize = fontSize; self.tableRegion = tableRegion
    }

    /// The cells joined with single spaces.
    public var text: String { cells.filter { !$0.isEmpty }.joined(separator: " ") }
    /// True when the line holds nothing but whitespace.
    public var isBlank: Bool { cells.allSatisfy(\.isBlankOrWhitespace) }
    /// The lowest OCR confidence of the line's words, if any were OCR'd.
    public var minConfidence: Double? { words.compactMap(\.confidence).min() }
}

/// The text of one page in reading order.
public struct PageText: Codable, Hashable, Sendable {
    /// 1-based page number; nil for plain-text input without page breaks.
    public var number: Int?
    public var width: Double?
    public var height: Double?
    public var lines: [TextLine]
    /// Ruling lines found on the page (table borders), in points.
    public var rules: [Box]
    public var method: TextMethod
    /// Why the page's text may be incomplete (e.g. no text layer and no OCR).
    public var warnings: [String]
    /// True when the page has no usable text layer and must be OCR'd.
    public var needsOCR: Bool

    public init(number: Int?, width: Double? = nil, height: Double? = nil, lines: [TextLine],
                rules: [Box] = [], method: TextMethod, warnings: [String] = [], needsOCR: Bool = false) {
        self.number = number; self.width = width; self.height = height; self.lines = lines
        self.rules = rules; self.method = method; self.warnings = warnings; self.needsOCR = needsOCR
    }
}

/// The text stage's output: every page of a document.
public struct DocumentText: Codable, Hashable, Sendable {
    public var source: SourceDocument
    public var pages: [PageText]
    /// Page count for paged sources, nil for text exports.
    public var pageCount: Int?

    public init(source: SourceDocument, pages: [PageText], pageCount: Int?) {
        self.source = source; self.pages = pages; self.pageCount = pageCount
    }

    /// `text`, `pdf`, `ocr`, or `mixed` from the pages' methods.
    public var method: TextMethod {
        let methods = Set(pages.map(\.method))
        if methods.count == 1, let m = methods.first { return m }
        if methods.isEmpty { return source.kind == .pdf ? .pdf : .text }
        if methods.contains(.ocr) { return .mixed }
        return methods.contains(.pdf) ? .pdf : .text
    }
}

/// Where a piece of text sits in its document: page and line (and cell).
public struct Provenance: Codable, Hashable, Sendable {
    public var page: Int?
    /// 0-based index of the line within its page (or within the whole text export).
    public var line: Int
    public var box: Box?

    public init(page: Int?, line: Int, box: Box? = nil) {
        self.page = page; self.line = line; self.box = box
    }
}

/// A paragraph or heading: consecutive lines outside any table.
public struct Paragraph: Codable, Hashable, Sendable {
    public var text: String
    public var lines: [String]
    public var bold: Bool
    public var headingLevel: Int?
    public var at: Provenance
    /// Lowest OCR confidence behind the text, if OCR'd.
    public var confidence: Double?

    public init(text: String, lines: [String], bold: Bool, headingLevel: Int?, at: Provenance, confidence: Double? = nil) {
        self.text = text; self.lines = lines; self.bold = bold; self.headingLevel = headingLevel
        self.at = at; self.confidence = confidence
    }
}

/// One body row of a table, with where it was printed.
public struct TableRow: Codable, Hashable, Sendable {
    public var cells: [String]
    public var at: Provenance
    public var confidence: Double?

    public init(cells: [String], at: Provenance, confidence: Double? = nil) {
        self.cells = cells; self.at = at; self.confidence = confidence
    }
}

/// A table after layout: header rows once, body rows, the pages it spans.
public struct Table: Codable, Hashable, Sendable {
    /// Header rows as printed, top to bottom (multi-row headers keep every row).
    public var headerRows: [[String]]
    public var rows: [TableRow]
    public var caption: String?
    /// The caption's lines as printed, top to bottom, when it has two or more (a legend,
    /// then the table's own label over a period banner).
    public var captionLines: [String]?
    /// Pages the table spans; nil for text input.
    public var pages: [Int]?
    public var at: Provenance

    public init(headerRows: [[String]], rows: [TableRow], caption: String?, pages: [Int]?, at: Provenance,
                captionLines: [String]? = nil) {
        self.headerRows = headerRows; self.rows = rows; self.caption = caption; self.pages = pages; self.at = at
        self.captionLines = captionLines
    }

    /// Column labels: the leaf header row, with a blank leaf taking the label above it
    /// and a spanning group label prefixed (`Performance Against: Similar Authorities`).
    public var header: [String] { TableHeader.leafLabels(headerRows) }
    public var columnCount: Int { max(headerRows.map(\.count).max() ?? 0, rows.map(\.cells.count).max() ?? 0) }
}

/// A block of a laid-out document, in reading order.
public enum Block: Codable, Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)
}

/// The layout stage's output: blocks in reading order plus page furniture.
public struct LaidOutDocument: Codable, Hashable, Sendable {
    public var source: SourceDocument
    public var method: TextMethod
    public var pageCount: Int?
    public var blocks: [Block]
    /// Running headers and footers taken out of the body, per page number.
    public var runningHeaders: [String]
    public var warnings: [String]

    public init(source: SourceDocument, method: TextMethod, pageCount: Int?, blocks: [Block],
                runningHeaders: [String] = [], warnings: [String] = []) {
        self.source = source; self.method = method; self.pageCount = pageCount; self.blocks = blocks
        self.runningHeaders = runningHeaders; self.warnings = warnings
    }

    public var tables: [Table] { blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } } }
    public var paragraphs: [Paragraph] { blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } } }
}
