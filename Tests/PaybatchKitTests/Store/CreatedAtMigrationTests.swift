import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Migration 3 re-reads roster `created_at` texts stored before the one timestamp reader.
@Suite struct CreatedAtMigrationTests {
    @Test func storedTimesAreRewrittenCanonicalAndUnreadableOnesListed() async throws {
        let temp = try TempStore()
        do {
            let store = try temp.open()
            try store.upsertCustomer("cu", name: "Acme")
            let texts = ["2026-11-05 10:00", "2026-11-05T11:00+0100", "2026-11-05", "2026-11-05 10:00 UTC"]
            for (i, text) in texts.enumerated() {
                try store.addConnection(
                    ConnectionID("c\(i)"), customer: "cu", details: ConnectionDetails(status: .connected),
                    token: AccessToken("tok-\(i)-abcdefgh"), createdAt: text, source: .import)
            }
            // A store as version 2 left it: before migrations 3 (times), 4 (period totals), 5
            // (refresh jobs) and 6 (entities).
            try store.database.execute("DROP TABLE period_totals")
            try store.database.execute("DROP TABLE refresh_jobs")
            try store.database.execute("ALTER TABLE responses DROP COLUMN entity_id")
            try store.database.execute("ALTER TABLE connections DROP COLUMN entities")
            try store.database.setUserVersion(2)
        }
        let store = try temp.open()
        #expect(try store.database.userVersion() == StoreSchema.latestVersion)
        let stored = try store.connections().reduce(into: [String: String]()) {
            $0[$1.connectionID.rawValue] = $1.createdAt
        }
        #expect(
            stored == [
                "c0": "2026-11-05T10:00:00Z", "c1": "2026-11-05T10:00:00Z", "c2": "2026-11-05T00:00:00Z",
                "c3": "2026-11-05 10:00 UTC",
            ])
        let unreadable = try CreatedAtMigration.unreadable(in: store.database)
        #expect(unreadable.map(\.connection) == ["c3"])
        // Reconcile refuses it rather than reading "unknown" (before every period).
        let failure = await expectFailure(.dataError) {
            _ = try await RosterConnection.all(in: try temp.openShared())
        }
        #expect(failure?.message.contains("c3") == true)
    }
}
