import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct SQLiteStoreTests {
    let temp: TempStore
    let store: SQLiteStore
    let clock = StepClock()

    init() throws {
        temp = try TempStore()
        store = try temp.open(now: clock.next)
        try store.upsertCustomer("cust-1", name: "Acme")
        try store.upsertCustomer("cust-0", name: "Zed")
    }

    static let connected = ConnectionDetails(
        companyID: "co-1", providerID: "gusto", clientType: "production", connectionType: "provider",
        assisted: false, products: ["company", "directory"], status: .connected,
        lastSuccessfulSync: "2026-10-01T00:00:00Z")

    @Test func addsAConnectionAndNeverDuplicatesItsToken() throws {
        let token = TempStore.fakeToken()
        #expect(
            try store.addConnection(
                "conn-1", customer: "cust-1", details: Self.connected, token: token, source: .import)
                == .added)
        #expect(
            try store.addConnection(
                "conn-9", customer: "cust-1", details: Self.connected, token: token, source: .import)
                == .tokenAlreadyPresent("conn-1"))
        #expect(
            try store.addConnection(
                "conn-1", customer: "cust-1", details: Self.connected, token: TempStore.fakeToken(),
                source: .import)
                == .connectionExists("conn-1"))
        let record = try #require(try store.connection("conn-1"))
        #expect(record.details == Self.connected)
        #expect(record.tokenHint == token.redacted)
        #expect(record.tokenFingerprint == TokenFingerprint(of: token))
        #expect(try store.connections().count == 1)
        #expect(try store.connectionID(forToken: token) == "conn-1")
        #expect(try store.decryptAccessToken(for: "conn-1") == token)
        #expect(try store.events(for: "conn-1").map(\.to) == [.connected])
    }

    @Test func listsConnectionsByCustomerThenConnectionBytewise() throws {
        try store.addConnection(
            "b", customer: "cust-1", details: Self.connected, token: TempStore.fakeToken(), source: .import)
        try store.addConnection(
            "a", customer: "cust-1", details: Self.connected, token: TempStore.fakeToken(), source: .import)
        try store.addConnection(
            "Z", customer: "cust-1", details: Self.connected, token: TempStore.fakeToken(), source: .import)
        try store.addConnection(
            "c", customer: "cust-0", details: Self.connected, token: TempStore.fakeToken(), source: .import)
        #expect(try store.connections().map(\.connectionID.rawValue) == ["c", "Z", "a", "b"])
        try store.markDisconnected("a", at: clock.next(), source: .disconnect)
        #expect(
            try store.connections(includingDisconnected: false).map(\.connectionID.rawValue) == [
                "c", "Z", "b",
            ])
    }

    @Test func statusChangesAreRecordedAsEvents() throws {
        try store.addConnection(
            "conn-1", customer: "cust-1", details: Self.connected, token: TempStore.fakeToken(),
            source: .import)
        #expect(try store.updateDetails("conn-1", Self.connected, source: .refresh) == nil)
        var reauth = Self.connected
        reauth.status = .reauth
        let event = try #require(try store.updateDetails("conn-1", reauth, source: .refresh))
        #expect(event.from == .connected && event.to == .reauth && event.source == .refresh)
        let newToken = TempStore.fakeToken()
        try store.replaceToken(for: "conn-1", with: newToken, details: Self.connected)
        #expect(try store.decryptAccessToken(for: "conn-1") == newToken)
        #expect(try store.connection("conn-1")?.status == .connected)
        let history = try store.events(for: "conn-1")
        #expect(history.map(\.to) == [.connected, .reauth, .connected])
        #expect(history.map(\.source) == [.import, .refresh, .reauth])
        #expect(history.map(\.time) == history.map(\.time).sorted())
    }

    @Test func disconnectIsSafeToRepeatAndAnExplicitTimeBeatsAnEstimate() throws {
        try store.addConnection(
            "conn-1", customer: "cust-1", details: Self.connected, token: TempStore.fakeToken(),
            source: .import)
        let estimated = clock.next()
        #expect(try store.markDisconnected("conn-1", at: estimated, source: .refresh, estimated: true))
        #expect(try store.connection("conn-1")?.disconnectTimeEstimated == true)
        let explicit = clock.next()
        #expect(try store.markDisconnected("conn-1", at: explicit, source: .disconnect))
        #expect(try !store.markDisconnected("conn-1", at: clock.next(), source: .disconnect))
        #expect(try !store.markDisconnected("conn-1", at: clock.next(), source: .dashboard))
        let record = try #require(try store.connection("conn-1"))
        #expect(record.disconnectedAt == explicit)
        #expect(record.disconnectSource == .disconnect)
        #expect(!record.disconnectTimeEstimated)
        #expect(record.status == .disconnected)
    }

    @Test func unknownConnectionIs65() {
        expectFailure(.dataError) { try store.markDisconnected("nope", at: Date(), source: .disconnect) }
        expectFailure(.dataError) { _ = try store.decryptAccessToken(for: "nope") }
    }

    @Test func clientSecretAndSettingsRoundTrip() throws {
        #expect(try store.clientSecret() == nil)
        try store.setClientSecret(ClientSecret("sec_abcdefgh"))
        #expect(try store.clientSecret() == ClientSecret("sec_abcdefgh"))
        try store.setSetting("client_id", "cid")
        try store.setSetting("client_id", "cid2")
        #expect(try store.setting("client_id") == "cid2")
        #expect(try store.setting("missing") == nil)
    }

    @Test func runsAreCreatedFinishedAndFoundLatestFirst() throws {
        let period = try #require(Period("2026-10"))
        try store.createRun(
            RunRecord(runID: "r1", period: period, command: "export", startedAt: clock.next()))
        try store.createRun(
            RunRecord(runID: "r2", period: period, command: "export", startedAt: clock.next()))
        try store.createRun(
            RunRecord(runID: "x", period: period.next, command: "export", startedAt: clock.next()))
        #expect(try store.latestRun(period: period, command: "export")?.runID == "r2")
        #expect(try store.latestRun(period: period, command: "export")?.status == .running)
        let end = clock.next()
        try store.finishRun("r2", status: .partial, exitCode: 3, at: end)
        let finished = try #require(try store.run("r2"))
        #expect(finished.status == .partial && finished.exitCode == 3 && finished.finishedAt == end)
        #expect(try store.allRuns().map(\.runID) == ["x", "r2", "r1"])
    }
}

/// A clock that moves one second per reading, so every stored time is distinct and ordered.
final class StepClock: @unchecked Sendable {
    private var current = Date(timeIntervalSince1970: 1_790_000_000)
    func next() -> Date {
        current += 1
        return current
    }
}
