import Foundation
import GRDB

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
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid")
                switch format {
                case .jsonl: return try Self.jsonLines(rows, table: table)
                case .csv: return try Self.csv(rows)
                }
            }
            try Data(text.utf8).write(to: url, options: .atomic)
            written.append(url)
        }
        return written
    }

    /// A row as a JSON object: internal `id` dropped, JSON-text columns decoded.
    public static func jsonObject(_ row: Row, table: String) -> [String: Any] {
        let jsonColumns = CorpusSchema.jsonColumns[table] ?? []
        var object: [String: Any] = [:]
        for (column, dbValue) in row where column != "id" {
            switch dbValue.storage {
            case .null: object[column] = NSNull()
            case .int64(let i): object[column] = i
            case .double(let d): object[column] = d
            case .string(let s):
                if jsonColumns.contains(column), let parsed = try? JSONSerialization.jsonObject(
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

    static func jsonLines(_ rows: RowCursor, table: String) throws -> String {
        var out = ""
        while let row = try rows.next() {
            let data = try JSONSerialization.data(withJSONObject: jsonObject(row, table: table),
                                                  options: [.sortedKeys, .withoutEscapingSlashes])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        return out
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
