import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// SPEC §8's re-runs, `--only` and `--offline`, against the sandbox.
@Suite("Export re-runs", .serialized)
struct ExportRerunTests {
    static let reports = [
        "connections.csv", "employees.csv", "payments.csv", "pay_statements.csv", "pay_statement_lines.csv",
        "data_quality.csv",
    ]

    /// The reports' text; connections.csv without `last_request_id`, which names each run's own
    /// last call (a reused connection's is this run's introspect), as SPEC §8's comparisons allow.
    func files(_ fixture: ExportFixture) throws -> [String: String] {
        var all: [String: String] = [:]
        for name in Self.reports { all[name] = try fixture.file(name) }
        let connections = fixture.out + "/" + fixture.period.description + "/connections.csv"
        all["connections.csv"] = "\(try ExportFolderComparison.csvMasking("last_request_id", connections))"
        return all
    }

    func dataCalls(_ fixture: ExportFixture) -> Int {
        fixture.sandbox.counters().buckets.values.reduce(0) { $0 + $1.calls }
    }

    func sources(_ fixture: ExportFixture) throws -> [String: String] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try fixture.file("run.json").utf8)) as? [String: Any])
        let connections = try #require(json["connections"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: connections.map {
                ($0["connection_id"] as? String ?? "", $0["source"] as? String ?? "")
            })
    }

    @Test func aSecondRunReusesOkConnectionsWithOnlyIntrospectAndFetchesTheRestAgain() async throws {
        // Pending items never become ready, so the second run sees the same upstream data.
        let fixture = try await ExportFixture(syncAfter: 0)
        let first = try await fixture.export()
        let before = try files(fixture)
        let callsBefore = dataCalls(fixture)
        let second = try await fixture.export()
        #expect(second.runID != first.runID)
        #expect(try files(fixture) == before)
        let sources = try sources(fixture)
        var refetchedCalls = 0
        let store = try fixture.temp.runStore()
        let counts = try await store.latestCallCounts(period: fixture.period)
        // A multi-entity connection is as good as its worst entity.
        var statuses: [(ConnectionID, ExportStatus)] = []
        for outcome in first.outcomes {
            if let last = statuses.last, last.0 == outcome.identity.connectionID {
                statuses[statuses.count - 1].1 = last.1.worse(outcome.status)
            } else {
                statuses.append((outcome.identity.connectionID, outcome.status))
            }
        }
        for (id, status) in statuses {
            let calls = counts[id] ?? [:]
            #expect(calls["introspect"] == 1, "\(id): one introspect")
            if status == .ok {
                #expect(sources[id.rawValue] == "reused", "\(id)")
                #expect(calls.filter { $0.key != "introspect" }.isEmpty, "\(id) made data calls: \(calls)")
            } else {
                #expect(sources[id.rawValue] == "fetched", "\(id) (\(status)) must be fetched again")
                refetchedCalls += calls.filter { $0.key != "introspect" }.values.reduce(0, +)
            }
        }
        #expect(dataCalls(fixture) - callsBefore == refetchedCalls)
        // Reused data survives pruning of the run that fetched it (keep-runs 1).
        _ = try await fixture.export { $0.keepRuns = 1 }
        _ = try await fixture.export { $0.keepRuns = 1 }
        #expect(try files(fixture) == before)
        await fixture.stop()
    }

    /// Issue 18, defect 7: a resumed run skipped the sync check for a connection it had reused.
    @Test func aResumedRunFetchesAgainAReusedConnectionWhoseSyncMovedOn() async throws {
        let fixture = try await ExportFixture(syncAfter: 0)
        let first = try await fixture.export()
        let second = try await fixture.export()
        let reused = try #require(first.outcomes.first { $0.status == .ok }).identity.connectionID
        #expect(try sources(fixture)[reused.rawValue] == "reused")
        // The second run was interrupted after reusing it, and Finch has synced since its answers.
        let store = try fixture.temp.open()
        _ = try store.database.run(
            "UPDATE runs SET status = 'running', finished_at = NULL WHERE run_id = ?",
            [
                .text(second.runID)
            ])
        let aged = try store.database.run(
            "UPDATE responses SET data_retrieved = '2001-01-01T00:00:00Z' WHERE run_id = ? AND connection_id = ? AND endpoint != 'introspect'",
            [.text(second.runID), .text(reused.rawValue)])
        #expect(aged > 0)
        let callsBefore = dataCalls(fixture)
        let resumed = try await fixture.export()
        #expect(resumed.runID == second.runID)
        #expect(dataCalls(fixture) > callsBefore, "the reused connection must be fetched again whole")
        #expect(try sources(fixture)[reused.rawValue] == "fetched")
        await fixture.stop()
    }

    @Test func onlyRendersTheOthersFromTheirStoredResponses() async throws {
        let fixture = try await ExportFixture(syncAfter: 0)
        let first = try await fixture.export()
        let before = try files(fixture)
        let named = try #require(first.outcomes.first { $0.status == .ok }).identity.connectionID
        let callsBefore = dataCalls(fixture)
        let narrowed = try await fixture.export {
            $0.only = [named.rawValue]
            $0.fresh = true
        }
        #expect(try files(fixture) == before)
        let sources = try sources(fixture)
        #expect(sources[named.rawValue] == "fetched")
        let connections = Set(first.outcomes.map(\.identity.connectionID))
        #expect(sources.filter { $0.value == "reused" }.count == connections.count - 1)
        #expect(narrowed.exitStatus == first.exitStatus)
        #expect(dataCalls(fixture) > callsBefore)
        await fixture.stop()
    }

    @Test func onlyWithNothingStoredListsTheOthersAsNotFetched() async throws {
        let fixture = try await ExportFixture()
        let store = try fixture.temp.runStore()
        let customer = try #require(try await store.liveConnections().first).record.customerID
        let result = try await fixture.export { $0.only = [customer.rawValue] }
        #expect(result.exitStatus == .partial)
        let notFetched = result.outcomes.filter { $0.status == .notFetched }
        let named = result.outcomes.filter { $0.record.customerID == customer }
        #expect(!named.isEmpty)
        #expect(notFetched.count == result.outcomes.count - named.count)
        #expect(try fixture.file("connections.csv").contains("not_fetched"))
        await fixture.stop()
    }

    @Test func offlineRendersTheLatestRunAgainWithoutTheNetwork() async throws {
        let fixture = try await ExportFixture(syncAfter: 0)
        let first = try await fixture.export()
        let before = try files(fixture)
        try FileManager.default.removeItem(atPath: fixture.out)
        let callsBefore = fixture.sandbox.counters()
        await fixture.stop()
        let offline = try await fixture.export { $0.offline = true }
        #expect(offline.runID == first.runID)
        #expect(offline.exitStatus == first.exitStatus)
        #expect(try files(fixture) == before)
        #expect(fixture.sandbox.counters() == callsBefore)
    }

    @Test func manyPayStatementRoundsReplayTheSameRequests() async throws {
        // Pages of 3 statements: every payment takes several rounds, two payments a call, so the
        // next round's request body depends on the order the previous round's items were read.
        let fixture = try await ExportFixture(companies: 8)
        fixture.limits = FinchBatchLimits(payStatementPageSize: 3)
        let first = try await fixture.export()
        let before = try files(fixture)
        try FileManager.default.removeItem(atPath: fixture.out)
        let offline = try await fixture.export { $0.offline = true }
        #expect(offline.runID == first.runID)
        #expect(try files(fixture) == before)
        #expect(offline.outcomes.map(\.payStatements) == first.outcomes.map(\.payStatements))
        await fixture.stop()
    }

    @Test func offlineWithNothingStoredIsAUsageError() async throws {
        let fixture = try await ExportFixture()
        await #expect(throws: RunStop.self) { try await fixture.export { $0.offline = true } }
        await fixture.stop()
    }

    @Test func aResumedRunFetchesOnlyWhatItLacksAndWritesTheSameFiles() async throws {
        let fixture = try await ExportFixture(syncAfter: 0)
        let first = try await fixture.export()
        let before = try files(fixture)
        // Make the run look interrupted halfway: running, and half its answers never stored.
        let store = try fixture.temp.open()
        _ = try store.database.run("UPDATE runs SET status = 'running', finished_at = NULL")
        _ = try store.database.run("DELETE FROM run_connections")
        let dropped = try store.database.run(
            "DELETE FROM responses WHERE endpoint != 'introspect' AND rowid % 2 = 0")
        #expect(dropped > 0)
        let callsBefore = dataCalls(fixture)
        let resumed = try await fixture.export()
        #expect(resumed.runID == first.runID)
        #expect(try files(fixture) == before)
        // Only what was dropped (and what answered 202) is asked again: fewer calls than a whole run.
        #expect(dataCalls(fixture) - callsBefore < callsBefore)
        await #expect(throws: RunStop.self) {
            _ = try store.database.run("UPDATE runs SET status = 'running'")
            return try await fixture.export { $0.only = [first.outcomes[0].record.customerID.rawValue] }
        }
        await fixture.stop()
    }
}
