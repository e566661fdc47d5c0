import CSQLite
import Foundation

/// One SQLite connection to a paybatch store file: created 0600 in a 0700 folder, WAL, foreign
/// keys on, a busy timeout. Not Sendable (NOTES.md): one connection per task or thread.
public final class SQLiteDatabase {
    /// How to open: read-only commands never create or change the file.
    public enum Mode: Sendable {
        case readOnly
        /// Read-write, creating the file (0600) and missing folders (0700) when absent.
        case readWrite
    }

    let handle: OpaquePointer
    /// The file's path, as given; named in every error.
    public let path: String

    /// Opens `path`. `busyTimeout` is how long SQLite itself waits on another connection's write.
    public init(path: String, mode: Mode, busyTimeout: Duration = .seconds(5)) throws(SQLiteFailure) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            guard mode == .readWrite else {
                throw SQLiteFailure(
                    code: SQLITE_CANTOPEN, path: path, operation: "opening",
                    sqliteMessage: "no such file")
            }
            try Self.createEmptyFile(path)
        }
        // The file exists now: SQLite must not create one itself (it would use the umask's mode).
        let flags = (mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let text = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(db)
            throw SQLiteFailure(code: code, path: path, operation: "opening", sqliteMessage: text)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        let milliseconds =
            busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(db, Int32(clamping: milliseconds))
        try execute("PRAGMA foreign_keys = ON")
        // Overwrite deleted and replaced content with zeros (a per-connection setting; the file is
        // not touched by it), so a replaced token's or a rotated key's old ciphertext does not
        // linger in free pages where a leaked old key could still open it.
        try execute("PRAGMA secure_delete = ON")
        // Reading the journal mode writes nothing; only a new (or non-WAL) file is switched, so
        // opening an existing store leaves its bytes unchanged.
        if mode == .readWrite, try scalarText("PRAGMA journal_mode")?.lowercased() != "wal" {
            try execute("PRAGMA journal_mode = WAL")
        }
    }

    deinit { sqlite3_close_v2(handle) }

    private static func createEmptyFile(_ path: String) throws(SQLiteFailure) {
        do {
            let fd = try OwnerOnlyFiles.createExclusive(path)
            close(fd)
            OwnerOnlyFiles.syncFolder(of: path)
        } catch {
            if error.alreadyExists { return }  // created by a racing process: open it as usual
            throw SQLiteFailure(
                code: SQLITE_CANTOPEN, path: path, operation: "creating", sqliteMessage: error.reason)
        }
    }

    func failure(_ code: Int32, _ operation: String) -> SQLiteFailure {
        SQLiteFailure(
            code: code, path: path, operation: operation,
            sqliteMessage: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs one or more statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws(SQLiteFailure) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw failure(code, "running \(SQLiteStatement.summary(of: sql))") }
    }

    /// Prepares `sql` for repeated use.
    public func prepare(_ sql: String) throws(SQLiteFailure) -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql)
    }

    /// Runs one statement with `values` bound; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteFailure) -> Int {
        try prepare(sql).bind(values).run()
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps each row; `row` reads columns from the statement.
    public func query<T>(
        _ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T
    ) throws -> [T] {
        let statement = try prepare(sql).bind(values)
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// The first column of the first row as text, or nil.
    public func scalarText(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteFailure) -> String? {
        let statement = try prepare(sql).bind(values)
        return try statement.step() ? statement.text(0) : nil
    }

    /// The first column of the first row as an integer, or nil.
    public func scalarInt(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteFailure) -> Int? {
        let statement = try prepare(sql).bind(values)
        return try statement.step() ? statement.int(0) : nil
    }

    /// Writes `parts` one after another into `table.column` of row `rowID`, which must already hold
    /// a blob of their total size (`zeroblob(n)`). SQLite's incremental blob I/O: the value goes
    /// into the file page by page, with no copy of it whole on the way (a multi-megabyte answer).
    public func writeBlob(
        table: String, column: String, rowID: Int64, _ parts: [Data]
    ) throws(SQLiteFailure) {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(handle, "main", table, column, rowID, 1, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK, let blob else { throw failure(opened, "opening \(table).\(column)") }
        var offset: Int32 = 0
        for part in parts where !part.isEmpty {
            let code = part.withUnsafeBytes {
                sqlite3_blob_write(blob, $0.baseAddress, Int32(clamping: $0.count), offset)
            }
            guard code == SQLITE_OK else { throw failure(code, "writing \(table).\(column)") }
            offset += Int32(clamping: part.count)
        }
    }

    /// Runs `body` in a transaction (a savepoint when one is already open): committed when it
    /// returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let outermost = sqlite3_get_autocommit(handle) != 0
        // IMMEDIATE takes the write lock up front, so a busy store fails here, not halfway.
        try execute(outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT paybatch")
        do {
            let result = try body()
            try execute(outermost ? "COMMIT" : "RELEASE paybatch")
            return result
        } catch {
            try? execute(outermost ? "ROLLBACK" : "ROLLBACK TO paybatch; RELEASE paybatch")
            throw error
        }
    }

    /// `PRAGMA user_version`: the schema version paybatch's migrations last reached.
    public func userVersion() throws(SQLiteFailure) -> Int {
        try scalarInt("PRAGMA user_version") ?? 0
    }

    /// Sets `PRAGMA user_version` (inside the migration's transaction).
    public func setUserVersion(_ version: Int) throws(SQLiteFailure) {
        try execute("PRAGMA user_version = \(version)")
    }

    /// Copies the WAL into the database and truncates it to zero bytes, so superseded pages
    /// (old ciphertexts) leave the WAL file too. Used after key rotation.
    public func checkpoint() throws(SQLiteFailure) {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a healthy file, else SQLite's list of problems.
    public func integrityCheck() throws(SQLiteFailure) -> [String] {
        let statement = try prepare("PRAGMA integrity_check")
        var lines: [String] = []
        while try statement.step() { lines.append(statement.text(0) ?? "") }
        return lines
    }
}
