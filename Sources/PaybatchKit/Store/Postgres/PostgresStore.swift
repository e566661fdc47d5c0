import Foundation
import PostgresNIO

/// The store kept in a PostgreSQL database that many paybatch processes share (issue 22), in a
/// schema of its own (`paybatch`, `PostgresSchema`), with the SQLite store's semantics: the same
/// outcomes, orders, errors and ciphertexts. Every method is one statement or one transaction on
/// a connection of the client's pool, so many tasks and processes can call it at once. A value
/// type over the pool: its one piece of changing state, the key ring, lives in an actor.
public struct PostgresStore: PaybatchStore {
    let client: PostgresClient
    let url: PostgresURL
    let mode: SQLiteDatabase.Mode
    let logger: Logger
    let now: @Sendable () -> Date
    let keyRing: KeyRingHolder

    public var place: String { url.description }
    public var backend: StoreBackend { .postgres }

    /// Opens (read-write: migrating; `creating`: making the schema in a database without one)
    /// the store in the database `client` is connected to, verifying `keys` before any write, as
    /// `SQLiteStore.open` does. `url` is what messages name (its secrets are never in it).
    /// Without the schema and not `creating` (or read-only): `MissingStore` (78) naming the URL.
    public static func open(
        client: PostgresClient, url: PostgresURL, keys: KeyRing?, mode: SQLiteDatabase.Mode = .readWrite,
        creating: Bool = false, logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> any PaybatchStore {
        let store = PostgresStore(
            client: client, url: url, mode: mode, logger: logger, now: now, keyRing: KeyRingHolder(keys))
        try await PostgresSchema.prepare(store, creating: creating, verifyingKeys: keys != nil)
        return store
    }

    public func schemaVersion() async throws -> Int {
        try await reading("reading the schema version") { try await PostgresSchema.version(on: $0, of: self) }
            ?? 0
    }

    // MARK: Settings

    public func setSetting(_ key: String, _ value: String) async throws {
        try await writing("storing a setting") { connection in
            try await execute(
                """
                INSERT INTO paybatch.settings (key, value, updated_at) VALUES (\(key), \(value), \(stamp(now())))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, on: connection)
        }
    }

    public func setting(_ key: String) async throws -> String? {
        try await reading("reading a setting") { connection in
            try await rows("SELECT value FROM paybatch.settings WHERE key = \(key)", on: connection) {
                try $0.text(0)
            }.first ?? nil
        }
    }

    // MARK: Running statements

    /// Runs `body` on one pooled connection, outside a transaction: each statement sees the
    /// latest committed data, as a read of the SQLite store does.
    func reading<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw failure(error, while: operation)
        }
    }

    /// Runs `body` in one transaction: all of it commits, or none of it (an error thrown inside
    /// rolls it back and comes out as it was thrown). A store opened read-only never writes.
    func writing<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        guard mode == .readWrite else {
            throw PostgresFailure(place: place, operation: operation, kind: .readOnly)
        }
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection)
            }
        } catch {
            throw failure(error, while: operation)
        }
    }

    /// The error a caller sees: the transaction's own error unwrapped, the driver's mapped to a
    /// `PostgresFailure`, ours (a `RunStop`, a `KeyFailure`, a test's) unchanged.
    private func failure(_ error: any Error, while operation: String) -> any Error {
        var cause = error
        if let transaction = error as? PostgresTransactionError {
            cause = transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error
        }
        return PostgresFailure(cause, place: place, operation: operation) ?? cause
    }

    /// Every row of `query`, each read by `read`.
    func rows<T>(
        _ query: PostgresQuery, on connection: PostgresConnection, _ read: (PostgresRowValues) throws -> T
    ) async throws -> [T] {
        var values: [T] = []
        for try await row in try await connection.query(query, logger: logger) {
            values.append(try read(PostgresRowValues(row)))
        }
        return values
    }

    /// Runs a statement whose rows (if any) are not read.
    func execute(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        try await connection.query(query, logger: logger)
    }

    /// How many rows a `DELETE … RETURNING 1` (or an `INSERT … RETURNING 1`) touched.
    func count(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Int {
        try await rows(query, on: connection) { _ in () }.count
    }

    /// A time as the store keeps it: the SQLite store's text (`StoreTimestamp`).
    func stamp(_ date: Date) -> String { StoreTimestamp.text(date) }
    func stamp(_ date: Date?) -> String? { date.map(StoreTimestamp.text) }

    // MARK: Keys

    /// The cipher over the configured keys; 78 when none were given.
    func cipher() async throws(KeyFailure) -> SecretCipher {
        guard let ring = await keyRing.ring else { throw .missingKey }
        return SecretCipher(ring: ring)
    }

    public func useKeys(_ ring: KeyRing) async { await keyRing.use(ring) }

    /// Serializes, across processes, the transactions that read and then write what they read
    /// (adding a connection checks its token and id first; period totals are deleted then
    /// inserted), as SQLite's one writer does. Held until the transaction ends.
    func lock(_ subject: AdvisoryLock, on connection: PostgresConnection) async throws {
        try await execute("SELECT pg_advisory_xact_lock(hashtext(\(subject.rawValue)))", on: connection)
    }

    /// What an advisory lock serializes; the names keep paybatch's locks apart from the
    /// operator's application's in a shared database.
    enum AdvisoryLock: String {
        case schema = "paybatch_store_schema"
        case roster = "paybatch_roster"
        case periodTotals = "paybatch_period_totals"
    }
}

/// The key ring a `PostgresStore` uses: `keys rotate` replaces it while the store is shared.
actor KeyRingHolder {
    private(set) var ring: KeyRing?
    init(_ ring: KeyRing?) { self.ring = ring }
    func use(_ ring: KeyRing) { self.ring = ring }
}
