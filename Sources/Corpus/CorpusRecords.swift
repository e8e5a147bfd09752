import Foundation
import GRDB
import ScrutinyCore

// The contract's row structs as GRDB records: each writes its own columns
// (`encode(to:)`, used by `insert`) and reads them back (`init(row:)`, used by
// `fetchCursor`). The columns are written explicitly rather than through GRDB's
// Codable support because the stored values must stay what the corpus has always
// held (see `CorpusColumn`): GRDB's JSON encoder sorts object keys by code point,
// where the corpus's JSON text has always had `JSONSerialization`'s order.

/// How a row's values are stored in the corpus's columns.
enum CorpusColumn {
    static let writing: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]

    /// An object or list as the JSON text stored in its column: keys sorted the way
    /// `JSONSerialization` sorts them (not code-point order: `"_x"` before `"9"` before
    /// `"10"`, case folded), slashes unescaped, numbers as `JSONSerialization` writes them.
    static func json<T: Encodable>(_ value: T) throws -> String { try serializedJSON(value) }

    /// `json(_:)` the long way: `JSONEncoder`, then `JSONSerialization` parses the text and
    /// writes it again with `writing` (which is what sets the key order and number forms).
    static func serializedJSON<T: Encodable>(_ value: T) throws -> String {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: writing), as: UTF8.self)
    }

    /// A list of strings as the JSON text the generic `json(_:)` gives it, written directly
    /// instead of through `JSONEncoder` and `JSONSerialization` (a test compares the two).
    static func json(_ value: [String]) throws -> String {
        guard !value.contains(where: hasByteOrderMark) else { return try serializedJSON(value) }
        var out: [UInt8] = []
        out.reserveCapacity(value.reduce(2) { $0 + $1.utf8.count + 3 })
        appendJSON(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A table's rows as the JSON text the generic `json(_:)` gives them, written directly:
    /// a table's cells were most of the JSON a corpus write makes.
    static func json(_ value: [[String]]) throws -> String {
        guard !value.contains(where: { $0.contains(where: hasByteOrderMark) }) else { return try serializedJSON(value) }
        var out: [UInt8] = []
        out.reserveCapacity(value.reduce(2) { $0 + 3 + $1.reduce(0) { $0 + $1.utf8.count + 3 } })
        out.append(UInt8(ascii: "["))
        for (i, row) in value.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendJSON(row, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A record's comparator texts as the JSON text the generic `json(_:)` gives them
    /// (`{"national":…,"similar_authorities":…}`: the keys in `JSONSerialization`'s order,
    /// absent ones `null`), written directly:
    /// two comparator columns per record were the costliest JSON of a corpus write.
    static func json(_ value: Comparators<String>) throws -> String {
        let parts = [value.national, value.similarAuthorities]
        guard !parts.contains(where: { $0.map(hasByteOrderMark) ?? false }) else { return try serializedJSON(value) }
        var out: [UInt8] = []
        out.reserveCapacity(48 + parts.reduce(0) { $0 + ($1?.utf8.count ?? 0) })
        for (key, part) in zip([#"{"national":"#, #","similar_authorities":"#], parts) {
            out.append(contentsOf: Array(key.utf8))
            if let part { appendJSON(part, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A record's comparator figures as the generic `json(_:)` gives them: written directly
    /// when both are absent (most records), the long way when a figure must be formatted
    /// the way `JSONSerialization` formats numbers.
    static func json(_ value: Comparators<Double>) throws -> String {
        guard value.national == nil, value.similarAuthorities == nil else { return try serializedJSON(value) }
        return #"{"national":null,"similar_authorities":null}"#
    }

    /// Whether a string holds U+FEFF (a byte order mark): `JSONSerialization` drops one that
    /// opens a string, so such lists take the long way rather than copy that quirk.
    static func hasByteOrderMark(_ s: String) -> Bool {
        var a: UInt8 = 0, b: UInt8 = 0
        for c in s.utf8 {
            if a == 0xEF, b == 0xBB, c == 0xBF { return true }
            a = b; b = c
        }
        return false
    }

    /// `["a","b"]`: the strings, comma-separated, no spaces.
    static func appendJSON(_ strings: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, s) in strings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendJSON(s, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A string as `JSONSerialization` writes it with `writing`: `"` and `\` escaped, the
    /// control characters below U+0020 as `\b \f \n \r \t` or `\u00xx` (lower-case hex),
    /// everything else (`/`, U+007F, any non-ASCII) as its own UTF-8.
    static func appendJSON(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Lower-case hex digits, for `\u00xx`.
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// An optional object or list: NULL when absent.
    static func json<T: Encodable>(_ value: T?) throws -> String? {
        try value.map { try json($0) }
    }

    /// A JSON-text column decoded.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// An optional JSON-text column decoded (nil when NULL).
    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
        try text.map { try decode(T.self, $0) }
    }

    /// Largest magnitude a whole number is stored as an INTEGER below.
    static let integerLimit = 1e15

    /// A number in a column without a declared type (an entity's `value`): a whole
    /// number below `integerLimit` as an INTEGER, any other as a REAL.
    static func number(_ d: Double) -> DatabaseValue {
        d == d.rounded() && abs(d) < integerLimit ? Int64(d).databaseValue : d.databaseValue
    }
}

extension DocumentRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "documents"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], source: row["source"], authority: row["authority"], title: row["title"],
                  financialYear: row["financial_year"], quarter: row["quarter"], asAt: row["as_at"],
                  pages: row["pages"], method: row["method"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["source"] = source; container["authority"] = authority
        container["title"] = title; container["financial_year"] = financialYear; container["quarter"] = quarter
        container["as_at"] = asAt; container["pages"] = pages; container["method"] = method
    }
}

extension RecordRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "records"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], title: row["title"])
        page = row["page"]; authority = row["authority"]; financialYear = row["financial_year"]
        quarter = row["quarter"]; periodEnd = row["period_end"]; section = row["section"]; code = row["code"]
        unit = row["unit"]; polarity = row["polarity"]
        actual = row["actual"]; target = row["target"]; previous = row["previous"]
        actualText = row["actual_text"]; targetText = row["target_text"]; previousText = row["previous_text"]
        comparators = try CorpusColumn.decode(Comparators<Double>.self, row["comparators"] as String?) ?? Comparators()
        comparatorsText = try CorpusColumn.decode(Comparators<String>.self, row["comparators_text"] as String?)
            ?? Comparators()
        floor = row["floor"]; floorText = row["floor_text"]; trend = row["trend"]; trendText = row["trend_text"]
        status = row["status"]; statusText = row["status_text"]; owner = row["owner"]; commentary = row["commentary"]
        confidence = row["confidence"]; line = row["line"]; indicatorID = row["indicator_id"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["page"] = page; container["authority"] = authority
        container["financial_year"] = financialYear; container["quarter"] = quarter
        container["period_end"] = periodEnd; container["section"] = section; container["code"] = code
        container["title"] = title; container["unit"] = unit; container["polarity"] = polarity
        container["actual"] = actual; container["target"] = target; container["previous"] = previous
        container["actual_text"] = actualText; container["target_text"] = targetText
        container["previous_text"] = previousText
        container["comparators"] = try CorpusColumn.json(comparators)
        container["comparators_text"] = try CorpusColumn.json(comparatorsText)
        container["floor"] = floor; container["floor_text"] = floorText
        container["trend"] = trend; container["trend_text"] = trendText
        container["status"] = status; container["status_text"] = statusText
        container["owner"] = owner; container["commentary"] = commentary
        container["confidence"] = confidence; container["line"] = line; container["indicator_id"] = indicatorID
    }
}

extension FinanceRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "finance"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], page: row["page"], statement: row["statement"], line: row["line"],
                  values: try CorpusColumn.decode(OrderedFigures.self, row["values"] as String),
                  note: row["note"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["page"] = page; container["statement"] = statement
        container["line"] = line; container["values"] = try CorpusColumn.json(values); container["note"] = note
    }
}

extension ActivityRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "activities"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], page: row["page"], section: row["section"], ref: row["ref"],
                  title: row["title"], status: row["status"], statusText: row["status_text"],
                  progress: row["progress"], lead: row["lead"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["page"] = page; container["section"] = section
        container["ref"] = ref; container["title"] = title; container["status"] = status
        container["status_text"] = statusText; container["progress"] = progress; container["lead"] = lead
    }
}

extension TableRowOut: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tables"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], pages: try CorpusColumn.decode([Int].self, row["pages"] as String?),
                  caption: row["caption"], header: try CorpusColumn.decode([String].self, row["header"] as String),
                  rows: try CorpusColumn.decode([[String]].self, row["rows"] as String))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["pages"] = try CorpusColumn.json(pages)
        container["caption"] = caption; container["header"] = try CorpusColumn.json(header)
        container["rows"] = try CorpusColumn.json(rows)
    }
}

extension EntityRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entities"

    public init(row: Row) throws {
        let stored: DatabaseValue = row["value"]
        let value: EntityValue?
        switch stored.storage {
        case .null, .blob: value = nil
        case .int64(let i): value = .number(Double(i))
        case .double(let d): value = .number(d)
        case .string(let s): value = .string(s)
        }
        self.init(docID: row["doc_id"], page: row["page"], kind: row["kind"], text: row["text"], value: value)
    }

    /// `value` is stored bare: a string as TEXT, a number as `CorpusColumn.number` stores it.
    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["page"] = page; container["kind"] = kind; container["text"] = text
        switch value {
        case nil: container["value"] = DatabaseValue.null
        case .string(let s)?: container["value"] = s
        case .number(let d)?: container["value"] = CorpusColumn.number(d)
        }
    }
}

extension PageTextRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "page_texts"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], page: row["page"], text: row["text"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["page"] = page; container["text"] = text
    }
}

extension CoverageRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "coverage"

    public init(row: Row) throws {
        self.init(docID: row["doc_id"], pages: row["pages"], figures: row["figures"], used: row["used"],
                  records: row["records"], finance: row["finance"], activities: row["activities"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["doc_id"] = docID; container["pages"] = pages; container["figures"] = figures
        container["used"] = used; container["records"] = records; container["finance"] = finance
        container["activities"] = activities
    }
}
