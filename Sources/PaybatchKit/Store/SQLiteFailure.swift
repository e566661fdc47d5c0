import CSQLite

/// An SQLite call that failed, with the database path, what paybatch was doing and SQLite's own
/// message, mapped to the exit code a user can act on.
public struct SQLiteFailure: PaybatchFailure {
    /// SQLite's primary result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`…).
    public var code: Int32
    public var path: String
    public var operation: String
    public var sqliteMessage: String

    public init(code: Int32, path: String, operation: String, sqliteMessage: String) {
        self.code = code
        self.path = path
        self.operation = operation
        self.sqliteMessage = sqliteMessage
    }

    public var exitStatus: ExitStatus {
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: return .temporary
        case SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_FULL, SQLITE_IOERR: return .cannotCreate
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .dataError
        default: return .software
        }
    }

    public var message: String {
        "The store \(path) failed while \(operation): \(sqliteMessage) (SQLite code \(code))."
    }

    public var remedy: String? {
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return "Another process is using the store; try again when it has finished."
        case SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM:
            return
                "Check that the file and its folder exist and are writable by this user (--db or PAYBATCH_DB)."
        case SQLITE_FULL, SQLITE_IOERR: return "Check the disk holding the store (space, errors)."
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return "The file is not a healthy paybatch store; restore it from a `paybatch backup` copy."
        default: return nil
        }
    }
}
