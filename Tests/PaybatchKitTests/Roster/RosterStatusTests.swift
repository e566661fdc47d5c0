import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("Status and listing read the store and decrypt nothing")
struct RosterStatusTests {
    @Test func statusPutsReauthFirstAndFlagsBadRuns() async throws {
        let temp = try TempStore()
        let store = try temp.open()
        let tokens = (0..<3).map { _ in TempStore.fakeToken() }
        try TempStore.addConnections(tokens, to: store)
        try store.updateDetails("conn-2", ConnectionDetails(status: .reauth), source: .refresh)
        try store.markDisconnected("conn-1", at: Date(), source: .disconnect)
        let period = try #require(Period("2026-10"))
        try store.createRun(RunRecord(runID: "r1", period: period, command: "export", startedAt: Date()))
        try store.finishRun("r1", status: .partial, exitCode: 3, at: Date())

        let report = try await RosterStatusReport(store: try temp.openShared())
        #expect(report.connections.first?.connectionID == "conn-2")
        #expect(report.connections.first?.action == "paybatch reauth conn-2")
        #expect(report.statusCounts == ["connected": 1, "reauth": 1, "disconnected": 1])
        #expect(report.needsAttention)
        #expect(report.attention.count == 2)
        #expect(report.lines.contains { $0.contains("export 2026-10  partial, exit 3") })
        let kid = try temp.keyRing().active.kid
        #expect(report.keys == [kid: 3])
        let json = try report.json()
        #expect(json.contains(#""action" : "paybatch reauth conn-2""#))

        // Without a key: the same facts, and still no token anywhere.
        let keyless = try SQLiteStoreActor.open(path: temp.databasePath, keys: nil, mode: .readOnly)
        let listing = try await RosterListing(store: keyless)
        #expect(listing.connections.map(\.connectionID) == ["conn-0", "conn-1", "conn-2"])
        #expect(listing.connections[0].token == tokens[0].redacted)
        let printed = listing.lines.joined(separator: "\n") + (try listing.json()) + report.lines.joined()
        for token in tokens { #expect(!printed.contains(token.secret)) }
        #expect(try await RosterStatusReport(store: keyless).attention == report.attention)
    }

    @Test func refreshesAreShownAndFailedOnesNeedAttention() async throws {
        let temp = try TempStore()
        let store = try temp.open()
        try TempStore.addConnections((0..<3).map { _ in TempStore.fakeToken() }, to: store)
        let at = Date(timeIntervalSince1970: 1_794_744_000)
        try store.saveRefreshJob(
            RefreshJobRecord(connectionID: "conn-0", jobID: "job-0", requestedAt: at, status: .complete))
        try store.saveRefreshJob(
            RefreshJobRecord(
                connectionID: "conn-1", jobID: "job-1", requestedAt: at, status: .permissionsError,
                remainingRefreshes: 0, retryAt: "2026-11-15T13:00:00Z"))
        try store.saveRefreshJob(
            RefreshJobRecord(connectionID: "conn-2", jobID: "job-2", requestedAt: at, status: .reauthError))
        try store.markDisconnected("conn-2", at: at, source: .disconnect)

        let report = try await RosterStatusReport(store: try temp.openShared())
        #expect(report.refreshes.map(\.status) == ["complete", "permissions_error", "reauth_error"])
        // A disconnected connection's old refresh needs nobody.
        #expect(report.attention.count == 1)
        #expect(report.attention.first?.hasPrefix("conn-1: its last refresh ended permissions_error") == true)
        #expect(
            report.lines.contains(
                "  conn-1  permissions_error  2026-11-15T12:00:00.000Z  job job-1  next refresh at 2026-11-15T13:00:00Z"
            ))
        #expect(try report.json().contains(#""job_id" : "job-1""#))
    }

    @Test func quietRosterNeedsNoAttention() async throws {
        let temp = try TempStore()
        let store = try temp.open()
        try TempStore.addConnections([TempStore.fakeToken()], to: store)
        let report = try await RosterStatusReport(store: try temp.openShared())
        #expect(!report.needsAttention)
        #expect(report.lines.last == "Nothing needs attention.")
    }
}
