import Foundation

/// `store copy` on the SQLite side: rows read by `rowid` (every table has one: the cursor), and
/// written with their `rowid`, so orders and row ids survive a copy there and back.
extension SQLiteStore {
    func rows(of table: StoreTable, after cursor: Int64, limit: Int) throws -> StoreRowPage {
        let names = table.columns.map(\.sqliteName).joined(separator: ", ")
        var next = cursor
        let rows = try database.query(
            "SELECT rowid, \(names) FROM \(table.name) WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [.integer(cursor), .integer(Int64(limit))]
        ) { row in
            next = row.int64(0) ?? next
            return table.columns.enumerated().map { Self.cell(row, Int32($0.offset + 1), $0.element.kind) }
        }
        return StoreRowPage(rows: rows, next: next)
    }

    func rowCount(of table: StoreTable) throws -> Int {
        try database.scalarInt("SELECT count(*) FROM \(table.name)") ?? 0
    }

    func holdsNoRows() throws -> Bool {
        try StoreTable.all.allSatisfy { try rowCount(of: $0) == 0 }
    }

    /// Inserts `rows` of `table` as they are (the caller holds the transaction).
    func insert(_ rows: [[SQLiteValue]], into table: StoreTable) throws {
        let names = table.columns.map(\.sqliteName).joined(separator: ", ")
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try database.prepare("INSERT INTO \(table.name) (\(names)) VALUES (\(marks))")
        for row in rows { try statement.bind(row).run() }
    }

    private static func cell(_ row: SQLiteStatement, _ column: Int32, _ kind: StoreColumn.Kind) -> SQLiteValue
    {
        if row.isNull(column) { return .null }
        switch kind {
        case .integer, .flag: return .integer(row.int64(column) ?? 0)
        case .blob: return .blob(row.blob(column) ?? Data())
        case .text: return .text(row.text(column) ?? "")
        }
    }
}
