import Foundation
import Logging
import PostgresNIO

/// The store lock of a PostgreSQL store (issue 22): a session-level advisory lock, shared for an
/// export and exclusive for the commands that rewrite the store, held on one connection of the
/// pool for the whole command. PostgreSQL releases it when that session ends, so a process that
/// dies cannot leave it behind (as the kernel does for SQLite's flock). The connection's
/// `application_name` names the holder, so a process that finds the lock busy says who holds it.
public enum PostgresStoreLock {
    /// The advisory lock's key: "paybatch" in ASCII. Advisory locks are per database, so this is
    /// one lock per store.
    static let key: Int64 = 0x7061_7962_6174_6368

    /// Runs `body` holding the lock of `kind` (`.none` runs it without one), waiting as
    /// `polling` says; busy after that is `StoreLockBusy` (75) naming a holder.
    public static func holding<Value: Sendable>(
        _ kind: StoreLockKind, client: PostgresClient, url: PostgresURL, owner: LockOwner,
        polling: LockPolling, sleep: (Duration) async throws -> Void,
        _ body: () async throws -> Value
    ) async throws -> Value {
        guard kind != .none else { return try await body() }
        let logger = Logger(label: "paybatch.store-lock") { _ in SwiftLogNoOpLogHandler() }
        return try await client.withConnection { connection in
            try await connection.query(
                "SELECT set_config('application_name', \(owner.applicationName), false)", logger: logger)
            let waited = try await polling.poll(sleep: sleep) {
                try await tryLock(kind, on: connection, logger: logger)
            }
            if let waited {
                throw StoreLockBusy(
                    lockPath: "the advisory lock of \(url)",
                    holder: try await holders(on: connection, logger: logger).first,
                    waitedSeconds: waited)
            }
            do {
                let value = try await body()
                try await unlock(kind, on: connection, logger: logger)
                return value
            } catch {
                // Best effort: the session ends with the pool anyway, and that releases it too.
                try? await unlock(kind, on: connection, logger: logger)
                throw error
            }
        }
    }

    /// Whether a paybatch holds the lock now, in either mode (the oldest holder when several
    /// do): `status` shows a run as running only while one does. Takes no lock.
    public static func state(client: PostgresClient) async throws -> StoreLockState {
        let logger = Logger(label: "paybatch.store-lock") { _ in SwiftLogNoOpLogHandler() }
        return try await client.withConnection { connection in
            try await holders(on: connection, logger: logger).first.map(StoreLockState.held) ?? .free
        }
    }

    private static func tryLock(
        _ kind: StoreLockKind, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        let rows =
            kind == .shared
            ? try await connection.query("SELECT pg_try_advisory_lock_shared(\(key))", logger: logger)
            : try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
        for try await taken in rows.decode(Bool.self) { return taken }
        return false
    }

    private static func unlock(
        _ kind: StoreLockKind, on connection: PostgresConnection, logger: Logger
    ) async throws {
        if kind == .shared {
            try await connection.query("SELECT pg_advisory_unlock_shared(\(key))", logger: logger)
        } else {
            try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
        }
    }

    /// The holders that name themselves (a paybatch of this version), oldest first.
    private static func holders(on connection: PostgresConnection, logger: Logger) async throws -> [LockOwner]
    {
        try await holderRows(on: connection, logger: logger).compactMap(LockOwner.init(applicationName:))
    }

    /// The `application_name` of every session holding the lock, oldest session first. A bigint
    /// advisory key shows in `pg_locks` as its high half in `classid`, its low half in `objid`
    /// and 1 in `objsubid`.
    private static func holderRows(on connection: PostgresConnection, logger: Logger) async throws -> [String]
    {
        let high = key >> 32
        let low = key & 0xFFFF_FFFF
        let rows = try await connection.query(
            """
            SELECT coalesce(a.application_name, '') FROM pg_locks l
            JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid::bigint = \(high) AND l.objid::bigint = \(low)
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY a.backend_start
            """, logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}
