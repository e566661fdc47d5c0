import Foundation
import PaybatchKit
import PostgresNIO

/// The throw-away PostgreSQL server of `make test` (Scripts/with-postgres.sh), for the tests that
/// need one. Its URL comes in `PAYBATCH_TEST_POSTGRES_URL`; without it (a developer running
/// `swift test` by hand) those tests are skipped, with `skipReason` saying how to run them —
/// unless `PAYBATCH_TEST_POSTGRES_REQUIRED` is set, as `make test` sets it, and then they fail.
public enum TestPostgres {
    static let environment = ProcessInfo.processInfo.environment

    /// Whether the PostgreSQL tests run: a server is given, or one is required (and they fail).
    public static var enabled: Bool {
        environment["PAYBATCH_TEST_POSTGRES_URL"] != nil
            || environment["PAYBATCH_TEST_POSTGRES_REQUIRED"] != nil
    }

    public static let skipReason =
        "no PostgreSQL: PAYBATCH_TEST_POSTGRES_URL is not set. `make test` starts a throw-away server; by hand: Scripts/with-postgres.sh -- swift test --skip-build"

    /// The server's URL (its `postgres` database).
    public static func serverURL() throws -> PostgresURL {
        guard let text = environment["PAYBATCH_TEST_POSTGRES_URL"] else {
            throw RunStop(.configuration, "PAYBATCH_TEST_POSTGRES_URL is not set.", remedy: "Run make test.")
        }
        return try PostgresURL(parsing: text)
    }

    /// A new empty database of its own for one test, so tests running in parallel never meet.
    public static func freshDatabase() async throws -> PostgresURL {
        var url = try serverURL()
        let name = "paybatch_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresPool.with(url, password: nil, maximumConnections: 1) { client in
            // A database name cannot be a bound parameter; this one is made of [a-z0-9_] only.
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        url.database = name
        return url
    }
}
