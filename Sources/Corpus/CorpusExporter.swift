import Foundation
import GRDB
import ScrutinyCore

/// Writes the corpus tables as JSON Lines files (`documents.jsonl`, `records.jsonl`, …)
/// or CSV files, each replaced atomically so a reader never sees a half-written file.
public struct CorpusExporter {
    /// Export formats.
    public enum Format: String, CaseIterable, Sendable { case jsonl, csv }

    public let store: CorpusStore

    public init(store: CorpusStore) { self.store = store }

    /// Exports every contract table into `folder` (the corpus folder by default).
    @discardableResult
    public func export(format: Format = .jsonl, to folder: URL? = nil) throws -> [URL] {
        let out = folder ?? store.folder
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var written: [URL] = []
        for table in CorpusSchema.exportedTables {
            let url = out.appendingPathComponent("\(table).\(format.rawValue)")
            let text = try store.database.read { db -> String in
                switch format {
                case .jsonl: return try Self.jsonLines(table: table, db: db)
                case .csv: return try Self.csv(Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid"))
                }
            }
            try Data(text.utf8).write(to: url, options: .atomic)
            written.append(url)
        }
        return written
    }

    /// A row as a JSON object: internal `id` dropped, JSON-text columns decoded.
    public static func jsonObject(_ row: Row, table: String) -> [String: Any] {
        jsonObject(columns: row.map { ($0, $1) }, table: table, verbatimJSON: false)
    }

    /// JSON text written into a line as it is: a record's object or list column, which
    /// `CorpusColumn.json` wrote the way `JSONSerialization` writes it, so parsing it and
    /// writing it again would give the same text.
    struct VerbatimJSON { let text: String }

    /// A record's columns (as it stores them) as a JSON object: JSON-text columns decoded,
    /// or with `verbatimJSON` kept as their text.
    static func jsonObject(columns: [(String, DatabaseValue)], table: String, verbatimJSON: Bool) -> [String: Any] {
        let jsonColumns = CorpusSchema.jsonColumns[table] ?? []
        var object: [String: Any] = [:]
        for (column, dbValue) in columns where column != "id" {
            switch dbValue.storage {
            case .null: object[column] = NSNull()
            case .int64(let i): object[column] = i
            case .double(let d): object[column] = d
            case .string(let s):
                if verbatimJSON, jsonColumns.contains(column) {
                    object[column] = VerbatimJSON(text: s)
                } else if jsonColumns.contains(column), let parsed = try? JSONSerialization.jsonObject(
                    with: Data(s.utf8), options: [.fragmentsAllowed]) {
                    object[column] = parsed
                } else {
                    object[column] = s
                }
            case .blob(let b): object[column] = b.base64EncodedString()
            }
        }
        return object
    }

    static let writing: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]

    /// One JSON object per row, byte for byte what `JSONSerialization` writes for the row's
    /// object with sorted keys. Sorting the keys (with Foundation's string comparison) was
    /// most of an export, and every row of a table has the same keys: their order and
    /// quoted form are taken once from `JSONSerialization` itself, and each value is written
    /// by it as the element of a one-element array (the text between the brackets).
    static func jsonLines(table: String, db: Database) throws -> String {
        // the stored columns are what the record wrote (`encode(to:)`): read as rows, not decoded
        // into the struct and encoded again (that round trip was most of an export)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
        var out = ""
        var keys: [String] = []
        var keyText: [String] = []
        while let row = try rows.next() {
            let object = jsonObject(columns: row.map { ($0, $1) }, table: table, verbatimJSON: true)
            if keys.count != object.count || !keys.allSatisfy({ object[$0] != nil }) {
                (keys, keyText) = try keyOrder(Array(object.keys))
            }
            out += "{"
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                out += keyText[i]
                out += ":"
                out += try element(object[key]!)
            }
            out += "}\n"
        }
        return out
    }

    /// The keys in the order `JSONSerialization` writes them, and each key as it writes it (quoted).
    static func keyOrder(_ keys: [String]) throws -> ([String], [String]) {
        var probe: [String: Any] = [:]
        for (i, k) in keys.enumerated() { probe[k] = i }
        let written = String(decoding: try JSONSerialization.data(withJSONObject: probe, options: writing), as: UTF8.self)
        let quoted = try keys.map { try element($0) }
        // `"key":` occurs once in the probe: values are plain integers, keys are distinct.
        let positions = quoted.map { written.range(of: $0 + ":")?.lowerBound ?? written.endIndex }
        let order = keys.indices.sorted { positions[$0] < positions[$1] }
        return (order.map { keys[$0] }, order.map { quoted[$0] })
    }

    /// A value as `JSONSerialization` writes it inside an array or object. Null, a stored
    /// integer and a string of printable ASCII other than `"` and `\` (with slashes
    /// unescaped) are written here the way it writes them; everything else by it.
    static func element(_ value: Any) throws -> String {
        if value is NSNull { return "null" }
        if let json = value as? VerbatimJSON { return json.text }
        if type(of: value) == Int64.self, let i = value as? Int64 { return String(i) }
        if type(of: value) == String.self, let s = value as? String,
           s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            return "\"" + s + "\""
        }
        let data = try JSONSerialization.data(withJSONObject: [value], options: writing)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    static func csv(_ rows: RowCursor) throws -> String {
        var out = ""
        var wroteHeader = false
        while let row = try rows.next() {
            let columns = Array(row.columnNames).filter { $0 != "id" }
            if !wroteHeader { out += columns.map(csvField).joined(separator: ",") + "\n"; wroteHeader = true }
            out += columns.map { c -> String in
                let v = row[c] as DatabaseValue
                switch v.storage {
                case .null: return ""
                case .int64(let i): return String(i)
                case .double(let d): return String(d)
                case .string(let s): return csvField(s)
                case .blob: return ""
                }
            }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
