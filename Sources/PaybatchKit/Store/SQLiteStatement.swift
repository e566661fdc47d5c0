import CSQLite
import Foundation

/// A prepared statement: typed binds in, typed columns out. Not Sendable, like its connection.
public final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    private let sql: String

    init(database: SQLiteDatabase, sql: String) throws(SQLiteFailure) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw database.failure(code, "preparing \(Self.summary(of: sql))")
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to parameters 1…n, after clearing earlier bindings and resetting.
    @discardableResult
    public func bind(_ values: [SQLiteValue]) throws(SQLiteFailure) -> SQLiteStatement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let n): code = sqlite3_bind_int64(handle, index, n)
            case .real(let x): code = sqlite3_bind_double(handle, index, x)
            case .text(let s): code = sqlite3_bind_text(handle, index, s, -1, pb_sqlite_transient())
            case .blob(let data):
                code = data.withUnsafeBytes { buffer in
                    // A zero-length blob still needs a non-null pointer, or SQLite stores NULL.
                    sqlite3_bind_blob64(
                        handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                        sqlite3_uint64(buffer.count), pb_sqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw database.failure(code, "binding \(Self.summary(of: sql))") }
        }
        return self
    }

    /// Advances to the next row: true when a row is available, false when done.
    public func step() throws(SQLiteFailure) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.failure(code, "running \(Self.summary(of: sql))")
        }
    }

    /// Runs a statement that returns no rows.
    public func run() throws(SQLiteFailure) {
        while try step() {}
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func int64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : sqlite3_column_int64(handle, column)
    }

    public func int(_ column: Int32) -> Int? { int64(column).map { Int($0) } }

    public func bool(_ column: Int32) -> Bool? { int64(column).map { $0 != 0 } }

    public func text(_ column: Int32) -> String? {
        guard !isNull(column), let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    public func blob(_ column: Int32) -> Data? {
        guard !isNull(column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    public func time(_ column: Int32) -> Date? { text(column).flatMap(StoreTimestamp.date) }

    /// The start of the SQL, for error messages (never a bound value, which may be a secret).
    static func summary(of sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "`" + (flat.count > 60 ? String(flat.prefix(60)) + "…" : flat) + "`"
    }
}
