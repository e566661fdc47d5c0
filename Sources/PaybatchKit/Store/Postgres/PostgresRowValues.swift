import Foundation
import PostgresNIO

/// One result row read by column index, as `SQLiteStatement`'s readers read SQLite's: the
/// store's row builders then read the same columns in the same order on both backends. A value
/// of another type than paybatch wrote throws (`PostgresFailure.unreadableValue`).
struct PostgresRowValues {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func text(_ index: Int) throws -> String? { try row[index].decode(String?.self) }
    func int(_ index: Int) throws -> Int? { try row[index].decode(Int?.self) }
    func int64(_ index: Int) throws -> Int64? { try row[index].decode(Int64?.self) }
    func bool(_ index: Int) throws -> Bool? { try row[index].decode(Bool?.self) }
    func bytes(_ index: Int) throws -> Data? { try row[index].decode(Data?.self) }
    /// Our own times are kept as `StoreTimestamp` text, as in SQLite (see `PostgresSchema`).
    func time(_ index: Int) throws -> Date? { try text(index).flatMap(StoreTimestamp.date) }
}
