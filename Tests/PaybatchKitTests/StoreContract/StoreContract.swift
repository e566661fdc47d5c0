import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

/// Issue 22's one contract, run against both backends: every test is written once against
/// `any PaybatchStore` and takes the backend as its argument. One suite, serialized: each
/// PostgreSQL case has a fresh database and one pool of its own, never many pools at once (a test
/// once hung with a pool per worker on a loaded machine, see `PostgresRateBudgetTests`).
@Suite("Store contract", .serialized, .timeLimit(.minutes(2)))
enum StoreContract {}

extension StoreBackend: CustomTestStringConvertible {
    /// The backends under test: PostgreSQL only beside a server (`Scripts/with-postgres.sh`, which
    /// `make test` uses); without one, its cases are left out as `.needsPostgres` skips a test,
    /// and under `PAYBATCH_TEST_POSTGRES_REQUIRED` they run and fail.
    static var underTest: [StoreBackend] { TestPostgres.enabled ? [.sqlite, .postgres] : [.sqlite] }

    public var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty place for a store of this backend and a key file.
    func withFixture(_ body: (StoreFixture) async throws -> Void) async throws {
        let temp = try TempStore()
        switch self {
        case .sqlite:
            try await body(StoreFixture(backend: self, temp: temp, postgres: nil))
        case .postgres:
            let url = try await TestPostgres.freshDatabase()
            try await PostgresPool.with(url, password: nil, maximumConnections: 8) { client in
                try await body(StoreFixture(backend: self, temp: temp, postgres: (client, url)))
            }
        }
    }

    /// Runs `body` with a store of this backend created with the key file's keys.
    func withStore(_ body: (any PaybatchStore, StoreFixture) async throws -> Void) async throws {
        try await withFixture { fixture in try await body(try await fixture.open(creating: true), fixture) }
    }
}

/// Where one test's store lives, and what a test needs beside the protocol: opening it again
/// (other keys, read-only), its raw state (to prove nothing was written), its raw version.
struct StoreFixture {
    let backend: StoreBackend
    let temp: TempStore
    let postgres: (client: PostgresClient, url: PostgresURL)?

    static let logger = Logger(label: "paybatch.test.store") { _ in SwiftLogNoOpLogHandler() }

    var keys: KeyRing { get throws { try temp.keyRing() } }

    /// What messages name the store by: the file's path, or the URL.
    var place: String { postgres?.url.description ?? temp.databasePath }

    /// Opens the store (again) as a command would, with the key file's keys.
    func open(
        mode: SQLiteDatabase.Mode = .readWrite, creating: Bool = false
    ) async throws -> any PaybatchStore {
        try await open(withKeys: try temp.keyRing(), mode: mode, creating: creating)
    }

    /// Opens the store (again) with `ring` (nil: no key configured).
    func open(
        withKeys ring: KeyRing?, mode: SQLiteDatabase.Mode = .readWrite, creating: Bool = false
    ) async throws -> any PaybatchStore {
        if let postgres {
            return try await PostgresStore.open(
                client: postgres.client, url: postgres.url, keys: ring, mode: mode, creating: creating,
                logger: Self.logger)
        }
        return try SQLiteStoreActor.open(path: temp.databasePath, keys: ring, mode: mode, creating: creating)
    }

    /// Everything the store holds, raw: equal before and after means nothing was written.
    func snapshot() async throws -> String {
        guard let postgres else { return temp.storeBytes().base64EncodedString() }
        var text = ""
        let tables = try await postgres.client.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'paybatch' ORDER BY tablename")
        for try await table in tables.decode(String.self) {
            let rows = try await postgres.client.query(
                PostgresQuery(
                    unsafeSQL:
                        "SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM paybatch.\(table) t"
                ))
            for try await dump in rows.decode(String.self) { text += "\(table): \(dump)\n" }
        }
        return text
    }

    /// Sets the stored schema version by hand (a store "written by a newer paybatch").
    func setRawSchemaVersion(_ version: Int) async throws {
        if let postgres {
            try await postgres.client.query("UPDATE paybatch.schema_version SET version = \(version)")
        } else {
            try SQLiteDatabase(path: temp.databasePath, mode: .readWrite).execute(
                "PRAGMA user_version = \(version)")
        }
    }
}

/// Fixed instants, whole seconds (both backends keep milliseconds).
func instant(_ offset: Int) -> Date { Date(timeIntervalSince1970: 1_790_000_000 + Double(offset)) }

extension ConnectionDetails {
    static let contractConnected = ConnectionDetails(
        companyID: "co-1", providerID: "gusto", clientType: "production", connectionType: "provider",
        assisted: false, products: ["company", "directory"], status: .connected,
        lastSuccessfulSync: "2026-10-01T00:00:00Z",
        entities: [])
}

extension PaybatchStore {
    /// Adds a connected connection with a fresh token for `customer`; returns the token.
    @discardableResult
    func addTestConnection(
        _ id: ConnectionID, customer: CustomerID = "cust-1", details: ConnectionDetails = .contractConnected
    ) async throws -> AccessToken {
        let token = TempStore.fakeToken()
        let outcome = try await addConnection(
            NewConnection(id: id, customerID: customer, customerName: "Acme", details: details, token: token),
            source: .import)
        #expect(outcome == .added)
        return token
    }

    /// Creates a run of `period`'s export started at `instant(offset)`.
    func createTestRun(_ runID: String, period: String = "2026-10", startedAt offset: Int = 0) async throws {
        try await createRun(
            RunRecord(runID: runID, period: Period(period)!, command: "export", startedAt: instant(offset)))
    }

    /// Stores one answer with body `body` (created at `instant(0)`).
    func storeTestResponse(
        run: String, connection: ConnectionID = "conn-1", key: String, endpoint: String = "directory",
        entity: EntityID? = nil, body: String
    ) async throws {
        try await storeResponse(
            StoredResponse(
                runID: run, connectionID: connection, requestKey: key, endpoint: endpoint, httpStatus: 200,
                requestID: RequestID("req-\(key)"), dataRetrieved: "2026-10-31T00:00:00Z",
                createdAt: instant(0),
                entity: entity),
            body: Data(body.utf8))
    }
}
