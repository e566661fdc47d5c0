import PostgresNIO

/// A PostgreSQL store's query that failed, with the store's URL (never a password), what paybatch
/// was doing and the server's own message, mapped to the exit code a user can act on as
/// `SQLiteFailure` maps SQLite's. Bound values never appear: the server's `detail` field, which
/// can quote them, is left out.
public struct PostgresFailure: PaybatchFailure {
    /// What went wrong, as far as a user can act on it.
    public enum Kind: Sendable, Equatable {
        /// The server refused the statement; SQLSTATE and message.
        case server(sqlState: String, message: String)
        /// The server could not be reached, or the connection broke.
        case connection(String)
        /// A stored value is not of the type paybatch wrote.
        case unreadableValue(column: String)
        /// A write through a store opened read-only (a bug: read-only commands never write).
        case readOnly
    }

    public var place: String
    public var operation: String
    public var kind: Kind

    public init(place: String, operation: String, kind: Kind) {
        self.place = place
        self.operation = operation
        self.kind = kind
    }

    /// `error` as a failure of `operation`, or nil when it is not the driver's (a `RunStop`, a
    /// `KeyFailure`, a test's error pass through unchanged).
    init?(_ error: any Error, place: String, operation: String) {
        self.place = place
        self.operation = operation
        if let error = error as? PSQLError {
            if error.code == .server, let info = error.serverInfo {
                kind = .server(sqlState: info[.sqlState] ?? "", message: info[.message] ?? "")
            } else {
                kind = .connection(error.underlying.map { "\($0)" } ?? error.code.description)
            }
        } else if let error = error as? PostgresDecodingError {
            kind = .unreadableValue(column: error.columnName)
        } else {
            return nil
        }
    }

    /// SQLSTATE classes: 08 connection, 40 rollback (serialization, deadlock), 53 resources,
    /// 55P03 lock not available, 57 operator intervention; 42501 privilege, 25006 read-only.
    public var exitStatus: ExitStatus {
        switch kind {
        case .connection: return .unavailable
        case .unreadableValue: return .dataError
        // As SQLite's read-only file refuses a write (SQLITE_READONLY).
        case .readOnly: return .cannotCreate
        case .server(let state, _):
            if ["08", "40", "53", "57"].contains(String(state.prefix(2))) || state == "55P03" {
                return .temporary
            }
            if state == "42501" || state == "25006" { return .cannotCreate }
            if state.hasPrefix("28") || state == "3D000" { return .configuration }
            return .software
        }
    }

    public var message: String {
        switch kind {
        case .server(let state, let text):
            return "The store \(place) failed while \(operation): \(text) (SQLSTATE \(state))."
        case .connection(let text):
            return "The store \(place) could not be reached while \(operation): \(text)."
        case .unreadableValue(let column):
            return "The store \(place) holds an unreadable value in `\(column)` (while \(operation))."
        case .readOnly:
            return "The store \(place) was opened read-only, but paybatch tried \(operation)."
        }
    }

    public var remedy: String? {
        if kind == .readOnly { return "Run a command that writes the store." }
        switch exitStatus {
        case .temporary: return "Another process is using the store, or the server is busy; try again."
        case .unavailable:
            return "Check that the PostgreSQL server is running and reachable (--db or PAYBATCH_DB)."
        case .cannotCreate:
            return
                "Grant paybatch's role the rights it needs on the database and its `paybatch` schema (README)."
        case .configuration:
            return
                "Check the user, the database and the password (PGPASSWORD or .pgpass) for --db or PAYBATCH_DB."
        case .dataError:
            return "The database holds a `paybatch` schema that paybatch did not write; check --db."
        default: return nil
        }
    }
}
