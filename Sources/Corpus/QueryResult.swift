import Foundation
import GRDB

/// Rows of a read-only query, with their column names, printable as a table, CSV or JSON.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]

    public init(columns: [String], rows: [[DatabaseValue]]) { self.columns = columns; self.rows = rows }

    /// Output formats shared by every command that prints rows.
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    /// Runs one SQL statement with bound arguments on a read-only connection.
    public static func run(_ sql: String, arguments: StatementArguments = [], in store: CorpusStore) throws -> QueryResult {
        try store.database.read { db in
            let statement = try db.makeStatement(sql: sql)
            guard statement.isReadonly else { throw DatabaseError(message: "only read-only statements are allowed") }
            statement.arguments = arguments
            let columns = statement.columnNames
            var rows: [[DatabaseValue]] = []
            let cursor = try Row.fetchCursor(statement)
            while let row = try cursor.next() { rows.append(Array(row.databaseValues)) }
            return QueryResult(columns: columns, rows: rows)
        }
    }

    /// The rows rendered in a format.
    public func render(_ format: Format) -> String {
        switch format {
        case .csv:
            return ([columns.map(CorpusExporter.csvField).joined(separator: ",")]
                    + rows.map { $0.map { CorpusExporter.csvField(Self.text($0)) }.joined(separator: ",") })
                .joined(separator: "\n") + "\n"
        case .json:
            let objects: [[String: Any]] = rows.map { row in
                var o: [String: Any] = [:]
                for (c, v) in zip(columns, row) { o[c] = Self.jsonValue(v) }
                return o
            }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        case .table:
            let cells = rows.map { $0.map { Self.clip(Self.text($0)) } }
            var widths = columns.map(\.count)
            for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
            func line(_ r: [String]) -> String {
                zip(r, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ")
            }
            var out = line(columns) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
            for r in cells { out += line(r) + "\n" }
            return out + "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
        }
    }

    static func clip(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
    }

    /// A value as plain text ("" for NULL).
    public static func text(_ v: DatabaseValue) -> String {
        switch v.storage {
        case .null: return ""
        case .int64(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): return s
        case .blob(let b): return "<\(b.count) bytes>"
        }
    }

    static func jsonValue(_ v: DatabaseValue) -> Any {
        switch v.storage {
        case .null: return NSNull()
        case .int64(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .blob(let b): return b.base64EncodedString()
        }
    }
}
