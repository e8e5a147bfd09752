import Foundation
import GRDB
import ScrutinyCore

/// One table's rows, encoded by their records (`encode(to:)`, through GRDB's
/// `databaseDictionary`) before the corpus's write lock is taken, then inserted with one
/// cached statement. A document's write holds the single writer; encoding its rows there
/// (JSON of cells and comparators, GRDB building an `INSERT` per row) kept the other jobs
/// waiting. The stored rows are the ones `record.insert(db)` stores (a test compares).
struct EncodedRows {
    let table: String
    /// The columns every row encodes, in one order.
    let columns: [String]
    /// Each row's values in `columns` order, as statement arguments.
    let rows: [StatementArguments]

    init<Record: PersistableRecord>(_ records: [Record]) throws {
        table = Record.databaseTableName
        let dictionaries = try records.map { try $0.databaseDictionary }
        let columns = dictionaries.first.map { $0.keys.sorted() } ?? []
        self.columns = columns
        rows = dictionaries.map { d in StatementArguments(columns.map { d[$0] ?? .null }) }
    }

    /// Inserts the rows in their order (so they take row ids in that order).
    func insert(_ db: Database) throws {
        guard !rows.isEmpty else { return }
        let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))")
        for row in rows { try statement.execute(arguments: row) }
    }
}

/// A document's rows ready to write: indicator ids set on its records and every table's
/// rows encoded, all worked out before the write lock.
struct EncodedExtraction {
    let docID: String
    /// The catalogue ids of the document's records.
    let indicatorIDs: Set<String>
    /// In the order they are inserted: the document first (the others refer to it).
    let tables: [EncodedRows]

    init(_ extraction: Extraction) throws {
        docID = extraction.document.docID
        var records = extraction.records
        for i in records.indices { records[i].indicatorID = IndicatorID.id(code: records[i].code, title: records[i].title) }
        indicatorIDs = Set(records.compactMap(\.indicatorID))
        tables = try [EncodedRows([extraction.document]), EncodedRows(records), EncodedRows(extraction.finance),
                      EncodedRows(extraction.activities), EncodedRows(extraction.tables), EncodedRows(extraction.entities),
                      EncodedRows(extraction.pageTexts), EncodedRows(extraction.coverage.map { [$0] } ?? [])]
    }
}
