import Foundation
import PaybatchKit

/// Reads a store's file directly (no key needed) for crash tests: SQLite's own integrity check
/// and counts that reveal rows written twice.
public struct StoreInspection {
    let database: SQLiteDatabase

    /// Opens the store at `path` read-only.
    public init(path: String) throws {
        database = try SQLiteDatabase(path: path, mode: .readOnly)
    }

    /// `PRAGMA integrity_check`'s answer: `ok` when the file is sound.
    public func integrityCheck() throws -> String {
        try database.query("PRAGMA integrity_check") { $0.text(0) ?? "" }.joined(separator: "\n")
    }

    /// The number of rows of `table`.
    public func count(_ table: String) throws -> Int {
        try database.scalarInt("SELECT COUNT(*) FROM \(table)") ?? 0
    }

    /// Groups of rows of `table` equal on `columns` that occur more than once, as text.
    public func duplicates(in table: String, on columns: [String]) throws -> [String] {
        let list = columns.joined(separator: ", ")
        return try database.query(
            "SELECT \(list), COUNT(*) FROM \(table) GROUP BY \(list) HAVING COUNT(*) > 1"
        ) { row in (0...columns.count).map { row.text(Int32($0)) ?? "∅" }.joined(separator: "|") }
    }
}

extension StoreInspection {
    /// Every row of `sql`, its first `columns` columns joined with `|` (NULL as `∅`).
    public func rows(_ sql: String, columns: Int) throws -> [String] {
        try database.query(sql) { row in
            (0..<columns).map { row.text(Int32($0)) ?? "∅" }.joined(separator: "|")
        }
    }
}
