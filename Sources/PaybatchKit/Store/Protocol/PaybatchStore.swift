import Foundation

/// The store every command uses, whichever database keeps it (issue 22): a SQLite file
/// (`SQLiteStoreActor`, the default) or a PostgreSQL database many workers share
/// (`PostgresStore`). Both keep the same schema versions and the same ciphertexts (each one's
/// associated data names its row by its natural key, never by a row id), and pass the same
/// contract tests. Every operation that must be atomic is one method here, so no caller holds a
/// transaction open across calls: on SQLite that would share the one connection with other tasks.
public protocol PaybatchStore: RosterStore, RunHistoryStore, EncryptedStore {
    /// What a message names the store by: the SQLite file's path, or the PostgreSQL URL without
    /// its secrets.
    var place: String { get }
    /// Which database keeps it.
    var backend: StoreBackend { get }
    /// The schema version the store is at (`PRAGMA user_version`, or the `schema_version` row).
    func schemaVersion() async throws -> Int
}
