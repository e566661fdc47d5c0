import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("Status and listing read the store and decrypt nothing")
struct RosterStatusTests {
    @Test func statusPutsReauthFirstAndFlagsBadRuns() throws {
        let temp = try TempStore()
        let store = try temp.open()
        let tokens = (0..<3).map { _ in TempStore.fakeToken() }
        try TempStore.addConnections(tokens, to: store)
        try store.updateDetails("conn-2", ConnectionDetails(status: .reauth), source: .refresh)
        try store.markDisconnected("conn-1", at: Date(), source: .disconnect)
        let period = try #require(Period("2026-10"))
        try store.createRun(RunRecord(runID: "r1", period: period, command: "export", startedAt: Date()))
        try store.finishRun("r1", status: .partial, exitCode: 3, at: Date())

        let report = try RosterStatusReport(store: store)
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
        let keyless = try SQLiteStore.open(path: temp.databasePath, keys: nil, mode: .readOnly)
        let listing = try RosterListing(store: keyless)
        #expect(listing.connections.map(\.connectionID) == ["conn-0", "conn-1", "conn-2"])
        #expect(listing.connections[0].token == tokens[0].redacted)
        let printed = listing.lines.joined(separator: "\n") + (try listing.json()) + report.lines.joined()
        for token in tokens { #expect(!printed.contains(token.secret)) }
        #expect(try RosterStatusReport(store: keyless).attention == report.attention)
    }

    @Test func quietRosterNeedsNoAttention() throws {
        let temp = try TempStore()
        let store = try temp.open()
        try TempStore.addConnections([TempStore.fakeToken()], to: store)
        let report = try RosterStatusReport(store: store)
        #expect(!report.needsAttention)
        #expect(report.lines.last == "Nothing needs attention.")
    }
}
