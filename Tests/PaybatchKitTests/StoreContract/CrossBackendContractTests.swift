import Foundation
import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

extension StoreContract {
    /// What only PostgreSQL has to prove: many processes creating one store, and ciphertexts that
    /// name their row by natural keys, so a row copied raw from one backend opens in the other.
    @Suite(.needsPostgres) struct CrossBackend {
        @Test func processesOpeningAnEmptyDatabaseAtOnceCreateItOnce() async throws {
            try await StoreBackend.postgres.withFixture { fixture in
                let (postgres, keys) = (try #require(fixture.postgres), try fixture.keys)
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            try await PostgresStore.open(
                                client: postgres.client, url: postgres.url, keys: keys, creating: true,
                                logger: StoreFixture.logger
                            ).schemaVersion()
                        }
                    }
                    for try await version in group { #expect(version == StoreSchema.latestVersion) }
                }
                let store = try await fixture.open()
                try await store.addTestConnection("conn-1")
                #expect(try await store.connections(includingDisconnected: true).count == 1)
            }
        }

        @Test func aPaybatchSchemaPaybatchDidNotWriteIsRefused() async throws {
            try await StoreBackend.postgres.withFixture { fixture in
                let postgres = try #require(fixture.postgres)
                try await postgres.client.query("CREATE SCHEMA paybatch")
                try await postgres.client.query("CREATE TABLE paybatch.invoices (id integer)")
                let failure = await expectStoreFailure(.dataError) {
                    _ = try await fixture.open(creating: true)
                }
                #expect(failure?.message.contains("not a paybatch store") == true)
                await expectStoreFailure(.configuration) { _ = try await fixture.open() }
            }
        }

        @Test func aCiphertextCopiedRawBetweenBackendsDecrypts() async throws {
            try await StoreBackend.postgres.withFixture { fixture in
                let postgres = try #require(fixture.postgres)
                let sqlite = try SQLiteStoreActor.open(
                    path: fixture.temp.databasePath, keys: try fixture.keys, creating: true)
                let pgStore = try await fixture.open(creating: true)
                let token = try await sqlite.addTestConnection("conn-1")
                try await sqlite.createTestRun("run-1")
                try await sqlite.storeTestResponse(run: "run-1", key: "a/b%c", body: "from SQLite")
                try await pgStore.createTestRun("run-1")
                let pgToken = try await pgStore.addTestConnection("conn-2")
                try await pgStore.storeTestResponse(
                    run: "run-1", connection: "conn-2", key: "x", body: "from PostgreSQL")

                // SQLite → PostgreSQL, raw.
                let (secret, body) = try await sqlite.withSQLite { store in
                    (
                        try store.database.query(
                            "SELECT kid, ciphertext FROM secrets WHERE owner = 'conn-1'"
                        ) { ($0.text(0) ?? "", $0.blob(1) ?? Data()) }[0],
                        try store.database.query(
                            "SELECT kid, body FROM responses WHERE request_key = 'a/b%c'"
                        ) { ($0.text(0) ?? "", $0.blob(1) ?? Data()) }[0]
                    )
                }
                try await postgres.client.query(
                    try """
                    INSERT INTO paybatch.secrets (kind, owner, kid, ciphertext, updated_at)
                    VALUES ('access_token', 'conn-1', \(secret.0), \(secret.1), '')
                    """)
                try await postgres.client.query(
                    try """
                    INSERT INTO paybatch.responses (run_id, connection_id, request_key, endpoint, http_status,
                        kid, body, created_at)
                    VALUES ('run-1', 'conn-1', 'a/b%c', 'directory', 200, \(body.0), \(body.1), '')
                    """)
                #expect(try await pgStore.decryptAccessToken(for: "conn-1") == token)
                #expect(
                    try await pgStore.responseBody(runID: "run-1", connection: "conn-1", requestKey: "a/b%c")
                        == Data("from SQLite".utf8))

                // PostgreSQL → SQLite, raw.
                var rows: [(String, Data)] = []
                for try await row in try await postgres.client.query(
                    """
                    SELECT kid, ciphertext FROM paybatch.secrets WHERE owner = 'conn-2'
                    UNION ALL SELECT kid, body FROM paybatch.responses WHERE request_key = 'x'
                    """
                ).decode((String, Data).self) {
                    rows.append(row)
                }
                let copied = rows
                try #require(copied.count == 2)
                try await sqlite.withSQLite { store in
                    try store.database.run(
                        "INSERT INTO secrets (kind, owner, kid, ciphertext, updated_at) VALUES ('access_token', 'conn-2', ?, ?, '')",
                        [.text(copied[0].0), .blob(copied[0].1)])
                    try store.database.run(
                        """
                        INSERT INTO responses (run_id, connection_id, request_key, endpoint, http_status, kid, body, created_at)
                        VALUES ('run-1', 'conn-2', 'x', 'directory', 200, ?, ?, '')
                        """, [.text(copied[1].0), .blob(copied[1].1)])
                }
                #expect(try await sqlite.decryptAccessToken(for: "conn-2") == pgToken)
                #expect(
                    try await sqlite.responseBody(runID: "run-1", connection: "conn-2", requestKey: "x")
                        == Data("from PostgreSQL".utf8))
            }
        }
    }
}
