// The corpus contract's rows (`../shared/CORPUS.md`): one Codable struct per JSONL file,
// the same struct for the SQLite row. Optional fields encode as `null`, never omitted.

/// One row of documents.jsonl.
public struct DocumentRow: Codable, Hashable, Sendable {
    public var docID: String
    public var source: String
    public var authority: String?
    public var title: String?
    public var financialYear: String?
    public var quarter: Int?
    public var asAt: String?
    public var pages: Int?
    public var method: String

    enum CodingKeys: String, CodingKey {
        case docID = "doc_id", source, authority, title, financialYear = "financial_year", quarter
        case asAt = "as_at", pages, method
    }

    public init(docID: String, source: String, authority: String? = nil, title: String? = nil,
                financialYear: String? = nil, quarter: Int? = nil, asAt: String? = nil, pages: Int? = nil,
                method: String) {
        self.docID = docID; self.source = source; self.authority = authority; self.title = title
        self.financialYear = financialYear; self.quarter = quarter; self.asAt = asAt; self.pages = pages
        self.method = method
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(source, forKey: .source)
        try c.encode(authority, forKey: .authority); try c.encode(title, forKey: .title)
        try c.encode(financialYear, forKey: .financialYear); try c.encode(quarter, forKey: .quarter)
        try c.encode(asAt, forKey: .asAt); try c.encode(pages, forKey: .pages); try c.encode(method, forKey: .method)
    }
}

/// Comparator figures beside an indicator: similar authorities and national.
public struct Comparators<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var similarAuthorities: Value?
    public var national: Value?

    enum CodingKeys: String, CodingKey { case similarAuthorities = "similar_authorities", national }

    public init(similarAuthorities: Value? = nil, national: Value? = nil) {
        self.similarAuthorities = similarAuthorities; self.national = national
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(similarAuthorities, forKey: .similarAuthorities); try c.encode(national, forKey: .national)
    }
}

/// One row of records.jsonl: one indicator observation for one period.
public struct RecordRow: Codable, Hashable, Sendable {
    public var docID: String
    public var page: Int?
    public var authority: String?
    public var financialYear: String?
    public var quarter: Int?
    public var periodEnd: String?
    public var section: String?
    public var code: String?
    public var title: String
    public var unit: String?
    public var polarity: String?
    public var actual: Double?
    public var target: Double?
    public var previous: Double?
    public var actualText: String?
    public var targetText: String?
    public var previousText: String?
    public var comparators: Comparators<Double>
    public var comparatorsText: Comparators<String>
    public var floor: Double?
    public var floorText: String?
    public var trend: String?
    public var trendText: String?
    public var status: String?
    public var statusText: String?
    public var owner: String?
    public var commentary: String?
    // Additions to the contract:
    /// Lowest OCR word confidence behind the row's figures (nil for text layers).
    public var confidence: Double?
    /// 0-based line of the page (or text export) where the indicator starts.
    public var line: Int?
    /// Stable id of the indicator in the catalogue (set by the corpus stage).
    public var indicatorID: String?

    enum CodingKeys: String, CodingKey {
        case docID = "doc_id", page, authority, financialYear = "financial_year", quarter
        case periodEnd = "period_end", section, code, title, unit, polarity, actual, target, previous
        case actualText = "actual_text", targetText = "target_text", previousText = "previous_text"
        case comparators, comparatorsText = "comparators_text", floor, floorText = "floor_text"
        case trend, trendText = "trend_text", status, statusText = "status_text", owner, commentary
        case confidence, line, indicatorID = "indicator_id"
    }

    public init(docID: String, title: String) {
        self.docID = docID; self.title = title
        self.comparators = Comparators(); self.comparatorsText = Comparators()
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(page, forKey: .page)
        try c.encode(authority, forKey: .authority); try c.encode(financialYear, forKey: .financialYear)
        try c.encode(quarter, forKey: .quarter); try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(section, forKey: .section); try c.encode(code, forKey: .code)
        try c.encode(title, forKey: .title); try c.encode(unit, forKey: .unit)
        try c.encode(polarity, forKey: .polarity); try c.encode(actual, forKey: .actual)
        try c.encode(target, forKey: .target); try c.encode(previous, forKey: .previous)
        try c.encode(actualText, forKey: .actualText); try c.encode(targetText, forKey: .targetText)
        try c.encode(previousText, forKey: .previousText); try c.encode(comparators, forKey: .comparators)
        try c.encode(comparatorsText, forKey: .comparatorsText); try c.encode(floor, forKey: .floor)
        try c.encode(floorText, forKey: .floorText); try c.encode(trend, forKey: .trend)
        try c.encode(trendText, forKey: .trendText); try c.encode(status, forKey: .status)
        try c.encode(statusText, forKey: .statusText); try c.encode(owner, forKey: .owner)
        try c.encode(commentary, forKey: .commentary); try c.encode(confidence, forKey: .confidence)
        try c.encode(line, forKey: .line); try c.encode(indicatorID, forKey: .indicatorID)
    }
}

/// One row of finance.jsonl: a budget line with its figures in pounds.
public struct FinanceRow: Codable, Hashable, Sendable {
    public var docID: String
    public var page: Int?
    public var statement: String
    public var line: String
    /// Column heading -> pounds, in the table's column order.
    public var values: OrderedFigures
    public var note: String?

    enum CodingKeys: String, CodingKey { case docID = "doc_id", page, statement, line, values, note }

    public init(docID: String, page: Int?, statement: String, line: String, values: OrderedFigures, note: String?) {
        self.docID = docID; self.page = page; self.statement = statement; self.line = line
        self.values = values; self.note = note
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(page, forKey: .page)
        try c.encode(statement, forKey: .statement); try c.encode(line, forKey: .line)
        try c.encode(values, forKey: .values); try c.encode(note, forKey: .note)
    }
}

/// Column heading -> figure, keeping the table's column order when encoded as a JSON object.
public struct OrderedFigures: Codable, Hashable, Sendable {
    public var entries: [(key: String, value: Double?)] {
        get { zip(keys, values).map { ($0, $1) } }
        set { keys = newValue.map(\.key); values = newValue.map(\.value) }
    }
    public private(set) var keys: [String] = []
    public private(set) var values: [Double?] = []

    public init(_ entries: [(String, Double?)] = []) {
        keys = entries.map(\.0); values = entries.map(\.1)
    }

    public subscript(key: String) -> Double? {
        keys.firstIndex(of: key).flatMap { values[$0] }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// In JSON an object whose keys are the column headings; in the positional binary cache
    /// format (which stores no key names) the headings, then the figures.
    public init(from decoder: Decoder) throws {
        if BinaryDecoder.isPositional(decoder) {
            var c = try decoder.unkeyedContainer()
            keys = try c.decode([String].self)
            values = try c.decode([Double?].self)
            guard keys.count == values.count else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "headings and figures differ in number")
            }
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        for k in c.allKeys {
            keys.append(k.stringValue)
            values.append(try c.decodeIfPresent(Double.self, forKey: k))
        }
    }

    public func encode(to encoder: Encoder) throws {
        if BinaryEncoder.isPositional(encoder) {
            var c = encoder.unkeyedContainer()
            try c.encode(keys); try c.encode(values)
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        for (k, v) in zip(keys, values) { try c.encode(v, forKey: Key(stringValue: k)) }
    }
}

/// One row of activities.jsonl: a key activity or action with its progress.
public struct ActivityRow: Codable, Hashable, Sendable {
    public var docID: String
    public var page: Int?
    public var section: String?
    public var ref: String?
    public var title: String
    public var status: String?
    public var statusText: String?
    public var progress: String?
    public var lead: String?

    enum CodingKeys: String, CodingKey {
        case docID = "doc_id", page, section, ref, title, status, statusText = "status_text", progress, lead
    }

    public init(docID: String, page: Int?, section: String?, ref: String?, title: String, status: String?,
                statusText: String?, progress: String?, lead: String?) {
        self.docID = docID; self.page = page; self.section = section; self.ref = ref; self.title = title
        self.status = status; self.statusText = statusText; self.progress = progress; self.lead = lead
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(page, forKey: .page)
        try c.encode(section, forKey: .section); try c.encode(ref, forKey: .ref)
        try c.encode(title, forKey: .title); try c.encode(status, forKey: .status)
        try c.encode(statusText, forKey: .statusText); try c.encode(progress, forKey: .progress)
        try c.encode(lead, forKey: .lead)
    }
}

/// One row of tables.jsonl: a table after split tables are rejoined.
public struct TableRowOut: Codable, Hashable, Sendable {
    public var docID: String
    public var pages: [Int]?
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]

    enum CodingKeys: String, CodingKey { case docID = "doc_id", pages, caption, header, rows }

    public init(docID: String, pages: [Int]?, caption: String?, header: [String], rows: [[String]]) {
        self.docID = docID; self.pages = pages; self.caption = caption; self.header = header; self.rows = rows
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(pages, forKey: .pages)
        try c.encode(caption, forKey: .caption); try c.encode(header, forKey: .header)
        try c.encode(rows, forKey: .rows)
    }
}

/// A normalised entity value: a string (name, ISO date, code) or a number (pounds).
public enum EntityValue: Codable, Hashable, Sendable {
    case string(String)
    case number(Double)

    /// In JSON a bare number or string, told apart by trying a number first; in the
    /// positional binary cache format (where that try would misread a string's bytes) a
    /// Bool saying it is a number, then the value.
    public init(from decoder: Decoder) throws {
        if BinaryDecoder.isPositional(decoder) {
            var c = try decoder.unkeyedContainer()
            if try c.decode(Bool.self) { self = .number(try c.decode(Double.self)) } else { self = .string(try c.decode(String.self)) }
            return
        }
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        if BinaryEncoder.isPositional(encoder) {
            var c = encoder.unkeyedContainer()
            switch self {
            case .string(let s): try c.encode(false); try c.encode(s)
            case .number(let d): try c.encode(true); try c.encode(d)
            }
            return
        }
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let d): try c.encode(d)
        }
    }
}

/// One row of entities.jsonl: a person, organisation, sum of money, date or indicator code.
public struct EntityRow: Codable, Hashable, Sendable {
    public var docID: String
    public var page: Int?
    public var kind: String
    public var text: String
    public var value: EntityValue?

    enum CodingKeys: String, CodingKey { case docID = "doc_id", page, kind, text, value }

    public init(docID: String, page: Int?, kind: String, text: String, value: EntityValue?) {
        self.docID = docID; self.page = page; self.kind = kind; self.text = text; self.value = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docID, forKey: .docID); try c.encode(page, forKey: .page)
        try c.encode(kind, forKey: .kind); try c.encode(text, forKey: .text); try c.encode(value, forKey: .value)
    }
}

/// The extract stage's output: every corpus row for one document.
public struct Extraction: Codable, Hashable, Sendable {
    public var document: DocumentRow
    public var records: [RecordRow]
    public var finance: [FinanceRow]
    public var activities: [ActivityRow]
    public var tables: [TableRowOut]
    public var entities: [EntityRow]
    /// Body text per page, for full-text search.
    public var pageTexts: [PageTextRow]
    /// How many of the figures the paper prints ended up in rows (nil in older caches).
    public var coverage: CoverageRow?

    public init(document: DocumentRow, records: [RecordRow] = [], finance: [FinanceRow] = [],
                activities: [ActivityRow] = [], tables: [TableRowOut] = [], entities: [EntityRow] = [],
                pageTexts: [PageTextRow] = [], coverage: CoverageRow? = nil) {
        self.document = document; self.records = records; self.finance = finance
        self.activities = activities; self.tables = tables; self.entities = entities; self.pageTexts = pageTexts
        self.coverage = coverage
    }
}

/// One paper's coverage: the figures its pages print (figure cells of tables, labelled
/// values such as `Target: 90%`) and how many of them ended up in records, finance or
/// activities — so a paper full of figures that gave no rows is never a silent empty.
public struct CoverageRow: Codable, Hashable, Sendable {
    public var docID: String
    public var pages: Int?
    /// Figure-bearing table cells and labelled values on the paper's pages.
    public var figures: Int
    /// Of those, the ones whose value is in a record, finance line or activity of the same page.
    public var used: Int
    public var records: Int
    public var finance: Int
    public var activities: Int

    enum CodingKeys: String, CodingKey { case docID = "doc_id", pages, figures, used, records, finance, activities }

    public init(docID: String, pages: Int?, figures: Int, used: Int, records: Int, finance: Int, activities: Int) {
        self.docID = docID; self.pages = pages; self.figures = figures; self.used = used
        self.records = records; self.finance = finance; self.activities = activities
    }

    /// Rows of any kind the paper gave.
    public var rows: Int { records + finance + activities }

    /// A paper with at least this many figures and no rows at all is reported as unread.
    public static let unreadFigures = 20

    /// Whether the paper prints figures (at least `unreadFigures`) but gave no rows.
    public var isUnread: Bool { figures >= Self.unreadFigures && rows == 0 }

    /// Share of the figures that ended up in rows (1 when the paper prints none).
    public var share: Double { figures == 0 ? 1 : Double(used) / Double(figures) }

    /// The one-line account of a paper whose figures gave no rows (`report.pdf: 71 pages,
    /// 412 figures, 0 records`).
    public func unreadLine(source: String) -> String {
        let p = pages.map { "\($0) page\($0 == 1 ? "" : "s"), " } ?? ""
        return "\(source): \(p)\(figures) figures, 0 records, 0 finance lines, 0 activities"
    }
}

/// The body text of one page (or of a whole text export), for search.
public struct PageTextRow: Codable, Hashable, Sendable {
    public var docID: String
    public var page: Int?
    public var text: String

    enum CodingKeys: String, CodingKey { case docID = "doc_id", page, text }

    public init(docID: String, page: Int?, text: String) { self.docID = docID; self.page = page; self.text = text }
}
