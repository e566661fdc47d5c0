import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

@Suite("PostgreSQL pool", .needsPostgres, .timeLimit(.minutes(1)))
struct PostgresPoolTests {
    @Test func theThrowAwayServerAnswersThroughThePool() async throws {
        let url = try await TestPostgres.freshDatabase()
        let (database, version) = try await PostgresPool.with(url, password: nil) { client in
            let rows = try await client.query(
                "SELECT current_database(), current_setting('server_version_num')::int")
            for try await row in rows.decode((String, Int).self) { return row }
            return ("", 0)
        }
        #expect(database == url.database)
        #expect(version >= 150_000)
    }
}

extension PostgresPoolTests {
    @Test func anErrorOfTheBodyEndsThePoolAndComesOut() async throws {
        let url = try await TestPostgres.freshDatabase()
        await #expect(throws: PSQLError.self) {
            try await PostgresPool.with(url, password: nil) { client in
                try await client.query("SELECT 1 / 0")
            }
        }
    }
}
