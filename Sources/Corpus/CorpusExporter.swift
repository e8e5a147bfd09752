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

    static let writing: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]

    /// One JSON object per row, byte for byte what `JSONSerialization` writes for the row's
    /// object with sorted keys. Sorting the keys (with Foundation's string comparison) was
    /// most of an export, and every row of a table has the same keys: their order and
    /// quoted form are taken once from `JSONSerialization` itself. Each value is written
    /// from its stored form (`appendValue`) as `JSONSerialization` writes it.
    static func jsonLines(table: String, db: Database) throws -> String {
        // the stored columns are what the record wrote (`encode(to:)`): read as rows, not decoded
        // into the struct and encoded again (that round trip was most of an export)
        let statement = try db.makeStatement(sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
        let jsonColumns = CorpusSchema.jsonColumns[table] ?? []
        // every row has the statement's columns: the written ones in key order, each with
        // where it is in the row, its quoted key, and whether it holds JSON text
        let names = statement.columnNames
        let (keys, quoted) = try keyOrder(names.filter { $0 != "id" })
        let order = zip(keys, quoted).map { key, text in
            (index: names.firstIndex(of: key)!, key: Array((text + ":").utf8), isJSON: jsonColumns.contains(key))
        }
        var out: [UInt8] = []
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            let values = Array(row.databaseValues)
            out.append(UInt8(ascii: "{"))
            for (n, column) in order.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: column.key)
                try appendValue(values[column.index], isJSON: column.isJSON, to: &out)
            }
            out.append(contentsOf: Array("}\n".utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A stored value as `JSONSerialization` writes it in a row's object: NULL as `null`, an
    /// integer as its digits, a real as `jsonNumber` gives it, a JSON-text column's text as
    /// it is (`CorpusColumn.json` wrote it the way `JSONSerialization` writes it), other text
    /// as a JSON string, a blob as its base64 text.
    static func appendValue(_ value: DatabaseValue, isJSON: Bool, to out: inout [UInt8]) throws {
        switch value.storage {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .int64(let i): out.append(contentsOf: Array(String(i).utf8))
        case .double(let d):
            if let text = jsonNumber(d) { out.append(contentsOf: Array(text.utf8)) }
            else { out.append(contentsOf: Array(try element(d).utf8)) }
        case .string(let s):
            if isJSON { out.append(contentsOf: Array(s.utf8)) }
            else if CorpusColumn.hasByteOrderMark(s) { out.append(contentsOf: Array(try element(s).utf8)) }
            else { CorpusColumn.appendJSON(s, to: &out) }
        case .blob(let b): CorpusColumn.appendJSON(b.base64EncodedString(), to: &out)
        }
    }

    /// A finite real as `JSONSerialization` writes it: Swift's shortest round-trip digits,
    /// without a trailing `.0` (`56.483741760253906`, `15`, `1e+20`). Nil for NaN and the
    /// infinities, which it refuses. A test compares the two on many values.
    static func jsonNumber(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
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
