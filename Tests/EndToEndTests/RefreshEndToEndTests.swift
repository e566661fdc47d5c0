import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `paybatch refresh` and `status`, the built binary against the sandbox's jobs.
@Suite("The built binary: refresh", .serialized)
struct RefreshEndToEndTests {
    static let now = ["PAYBATCH_NOW": "2026-11-15T12:00:00Z"]

    func workspace(jobSeconds: Int) async throws -> RosterWorkspace {
        let work = try await RosterWorkspace(companies: 8, jobSeconds: jobSeconds)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        return work
    }

    func creates(_ work: RosterWorkspace) -> Int {
        work.server.counters().endpoints["POST /jobs/automated"]?.calls ?? 0
    }

    @Test func waitsNamesWhoNeedsAPersonThenKeepsTheQuota() async throws {
        let work = try await workspace(jobSeconds: 1)
        defer { Task { [server = work.server] in await server.stop() } }
        let world = work.server.world
        let permissions = try #require(world.connections.first { $0.refreshOutcome == "permissions_error" })
        let reauth = try #require(world.connections.first { $0.refreshOutcome == "reauth_error" })
        let assisted = try #require(world.connections.first { $0.scenario == .assisted })

        let first = try await work.run(["refresh", "--wait", "30s"], extra: Self.now)
        #expect(first.exitCode == 3, "\(first.stdout)\(first.stderr)")
        let people = first.stdout.components(separatedBy: "Needs a person:").last ?? ""
        for connection in [permissions, reauth, assisted] {
            #expect(people.contains(connection.connectionID))
        }
        #expect(people.contains("permissions_error"))
        #expect(people.contains("reauth_error"))

        let status = try await work.run(["status"], without: ["PAYBATCH_KEY_FILE"])
        #expect(status.stdout.contains("Latest refresh per connection:"))
        #expect(status.stdout.contains("\(permissions.connectionID)  permissions_error"))
        #expect(try await work.run(["status", "--check"]).exitCode == 3)
        let json = try await work.run(["status", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["refreshes"] as? [Any])?.count == 8)

        // The second of the hour's two refreshes spends the quota; the third is not asked.
        let normal = try #require(world.connections.first { $0.scenario == .normal })
        let second = try await work.run(
            ["refresh", "--only", normal.connectionID, "--wait", "30s"], extra: Self.now)
        #expect(second.exitCode == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("(0 of 2 refreshes left this hour)"))
        let asked = creates(work)
        let third = try await work.run(
            ["--log-format", "json", "refresh", "--only", normal.customerID], extra: Self.now)
        let events = third.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let outcome = events.first { $0["event"] as? String == "refresh_outcome" }
        #expect(outcome?["status"] as? String == "quota_spent")
        #expect(outcome?["retry_at"] as? String == "2026-11-15T13:00:00Z")
        let summary = events.last { $0["event"] as? String == "refresh_summary" }
        #expect(summary?["exit_code"] as? Int == 75)
        #expect(outcome?["remaining_refreshes"] as? Int == 0)
        #expect(third.exitCode == 75)
        #expect(third.stdout.contains("next refresh at 2026-11-15T13:00:00Z"))
        #expect(creates(work) == asked)
        // Every jobs call is in the request log with Finch's request id, as every other call is.
        let store = try SQLiteStore.open(path: work.path("paybatch.sqlite"), keys: nil, mode: .readOnly)
        let jobCalls = try store.requestLog().filter { $0.endpoint.hasPrefix("/jobs/automated") }
        #expect(jobCalls.count == work.server.counters().calls("jobs"))
        #expect(jobCalls.allSatisfy { $0.requestID != nil && $0.connectionID != nil })
        work.expectNoSecrets()
    }

    @Test func aJobStillRunningAfterTheWaitMeansLater() async throws {
        let work = try await workspace(jobSeconds: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        let normal = try #require(work.server.world.connections.first { $0.scenario == .normal })
        let started = try await work.run(["refresh", "--only", normal.connectionID], extra: Self.now)
        #expect(started.exitCode == 0, "\(started.stdout)\(started.stderr)")
        let waited = try await work.run(
            ["refresh", "--only", normal.connectionID, "--wait", "2s"], extra: Self.now)
        #expect(waited.exitCode == 75)
        #expect(waited.stdout.contains("in_progress"))
        #expect(work.server.counters().endpoints["POST /jobs/automated"]?.statuses["202"] == 1)
        #expect(try await work.run(["refresh", "--wait", "soon"]).exitCode == 64)
    }
}
