import Foundation
import PostgresNIO

/// `store copy` on the PostgreSQL side: a table with an identity column is read after the last
/// one seen (the cursor), any other by its primary key page by page (the cursor is an offset:
/// those tables are the small ones). Rows are written with their identity values as they were
/// (`OVERRIDING SYSTEM VALUE`), and each sequence then moved past the highest.
extension PostgresStore {
    public func rows(of table: StoreTable, after cursor: Int64, limit: Int) async throws -> StoreRowPage {
        let names = table.columns.map(\.name).joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(cursor)
        binds.append(Int64(limit))
        let sql =
            table.identity.map {
                "SELECT \(names), \($0) FROM paybatch.\(table.name) WHERE \($0) > $1 ORDER BY \($0) LIMIT $2"
            }
            ?? "SELECT \(names) FROM paybatch.\(table.name) ORDER BY \(table.key.joined(separator: ", ")) OFFSET $1 LIMIT $2"
        return try await reading("reading \(table.name) to copy") { connection in
            var next = cursor
            let rows = try await self.rows(PostgresQuery(unsafeSQL: sql, binds: binds), on: connection) {
                row in
                if table.identity != nil { next = try row.int64(table.columns.count) ?? next }
                return try table.columns.enumerated().map { try Self.cell(row, $0.offset, $0.element.kind) }
            }
            if table.identity == nil { next = cursor + Int64(rows.count) }
            return StoreRowPage(rows: rows, next: next)
        }
    }

    public func rowCount(of table: StoreTable) async throws -> Int {
        try await reading("counting \(table.name)") { connection in
            try await rows(
                PostgresQuery(unsafeSQL: "SELECT count(*) FROM paybatch.\(table.name)"), on: connection
            ) {
                try $0.int(0) ?? 0
            }.first ?? 0
        }
    }

    public func holdsNoRows() async throws -> Bool {
        for table in StoreTable.all where try await rowCount(of: table) > 0 { return false }
        return true
    }

    /// In one transaction: a copy that fails leaves the database as empty as it was.
    public func load(from source: any StoreRowSource, pageSize: Int) async throws -> [String: Int] {
        try await writing("copying a store in") { connection in
            var copied: [String: Int] = [:]
            for table in StoreTable.all {
                let names = table.columns.map(\.name).joined(separator: ", ")
                let marks = table.columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
                let overriding = table.identity == nil ? "" : " OVERRIDING SYSTEM VALUE"
                let sql = "INSERT INTO paybatch.\(table.name) (\(names))\(overriding) VALUES (\(marks))"
                var cursor: Int64 = 0
                while true {
                    let page = try await source.rows(of: table, after: cursor, limit: pageSize)
                    if page.rows.isEmpty { break }
                    for row in page.rows {
                        try await execute(
                            PostgresQuery(unsafeSQL: sql, binds: try Self.binds(row, table)), on: connection)
                    }
                    copied[table.name, default: 0] += page.rows.count
                    cursor = page.next
                }
                if let identity = table.identity {
                    try await execute(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT setval(pg_get_serial_sequence('paybatch.\(table.name)', '\(identity)'),
                                    coalesce(max(\(identity)), 0) + 1, false) FROM paybatch.\(table.name)
                                """), on: connection)
                }
            }
            return copied
        }
    }

    private static func cell(
        _ row: PostgresRowValues, _ index: Int, _ kind: StoreColumn.Kind
    ) throws -> SQLiteValue {
        switch kind {
        case .text: return try row.text(index).map(SQLiteValue.text) ?? .null
        case .integer: return try row.int64(index).map(SQLiteValue.integer) ?? .null
        case .flag: return try row.bool(index).map { .integer($0 ? 1 : 0) } ?? .null
        case .blob: return try row.bytes(index).map(SQLiteValue.blob) ?? .null
        }
    }

    private static func binds(_ row: [SQLiteValue], _ table: StoreTable) throws -> PostgresBindings {
        var binds = PostgresBindings()
        for (value, column) in zip(row, table.columns) {
            switch (value, column.kind) {
            case (.null, _): binds.appendNull()
            case (.text(let text), .text): binds.append(text)
            case (.integer(let number), .integer): binds.append(number)
            case (.integer(let number), .flag): binds.append(number != 0)
            case (.blob(let bytes), .blob): try binds.append(bytes)
            default:
                throw RunStop(
                    .dataError,
                    "A value of \(table.name).\(column.name) is not a \(column.kind) as the schema says.",
                    remedy: "Run `paybatch doctor` on the source store; the target was left empty.")
            }
        }
        return binds
    }
}
