import Foundation
import PostgresNIO

/// The store kept in a PostgreSQL database that many paybatch processes share (issue 22).
/// Under way: `open` is the entry point the commands use; the store itself lands next.
public enum PostgresStore {
    /// Opens (read-write: migrating; `creating`: making the schema in an empty database) the
    /// store in the database `client` is connected to, verifying `keys` before any write, as
    /// `SQLiteStore.open` does. `url` is what messages name (its secrets are never in it).
    public static func open(
        client: PostgresClient, url: PostgresURL, keys: KeyRing?, mode: SQLiteDatabase.Mode = .readWrite,
        creating: Bool = false, logger: Logger
    ) async throws -> any PaybatchStore {
        throw RunStop(
            .usage, "\(url): a PostgreSQL store is not supported yet; paybatch's store is a SQLite file.",
            remedy: "Give the path of a SQLite file (the default is ./paybatch.sqlite).")
    }
}
