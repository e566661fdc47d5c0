import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

extension StoreContract {
    @Suite struct Roster {
        @Test(arguments: StoreBackend.underTest)
        func customersAreUpsertedAndListedBytewise(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                #expect(try await store.customer("a") == nil)
                try await store.upsertCustomer("a", name: "Acme")
                try await store.upsertCustomer("Z", name: "Zed")
                try await store.upsertCustomer("a", name: "Acme Inc.")
                #expect(try await store.customers().map(\.customerID) == ["Z", "a"])
                let renamed = try #require(try await store.customer("a"))
                #expect(renamed.name == "Acme Inc." && renamed.updatedAt >= renamed.createdAt)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func addingAConnectionSaysWhatItDid(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                let token = TempStore.fakeToken()
                func add(_ id: ConnectionID, _ token: AccessToken) async throws -> ConnectionAddOutcome {
                    try await store.addConnection(
                        NewConnection(
                            id: id, customerID: "cust-1", customerName: "Acme", details: .contractConnected,
                            token: token, createdAt: "2026-09-01T00:00:00Z"),
                        source: .import)
                }
                #expect(try await add("conn-1", token) == .added)
                #expect(try await add("conn-9", token) == .tokenAlreadyPresent("conn-1"))
                #expect(try await add("conn-1", TempStore.fakeToken()) == .connectionExists("conn-1"))
                let record = try #require(try await store.connection("conn-1"))
                #expect(record.details == .contractConnected)
                #expect(record.customerID == "cust-1" && record.createdAt == "2026-09-01T00:00:00Z")
                #expect(
                    record.tokenHint == token.redacted
                        && record.tokenFingerprint == TokenFingerprint(of: token))
                #expect(!record.isDisconnected && record.addedAt == record.updatedAt)
                #expect(try await store.customer("cust-1")?.name == "Acme")
                #expect(try await store.connections(includingDisconnected: true).count == 1)
                #expect(try await store.connectionID(forToken: token) == "conn-1")
                #expect(try await store.connectionID(forToken: TempStore.fakeToken()) == nil)
                #expect(try await store.decryptAccessToken(for: "conn-1") == token)
                let events = try await store.events(for: "conn-1")
                #expect(events.map(\.to) == [.connected] && events.map(\.source) == [.import])
                #expect(events.first?.time == record.addedAt && events.first?.from == nil)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func aConnectionKeptForTheRecordIsAddedDisconnected(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                var refused = ConnectionDetails.contractConnected
                refused.status = .rejected
                let outcome = try await store.addConnection(
                    NewConnection(
                        id: "conn-1", customerID: "cust-1", customerName: "Acme", details: refused,
                        token: TempStore.fakeToken(), disconnectedAt: instant(5)),
                    source: .import)
                #expect(outcome == .added)
                let record = try #require(try await store.connection("conn-1"))
                #expect(record.disconnectedAt == instant(5) && record.disconnectTimeEstimated)
                #expect(record.disconnectSource == .import && record.status == .disconnected)
                // By time: the estimated disconnect (the past) before the adding (now).
                #expect(try await store.events(for: "conn-1").map(\.to) == [.disconnected, .rejected])
                #expect(try await store.connections(includingDisconnected: false).isEmpty)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func connectionsAreListedByCustomerThenConnectionBytewise(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                for id: ConnectionID in ["b", "a", "Z"] {
                    try await store.addTestConnection(id, customer: "cust-1")
                }
                try await store.addTestConnection("c", customer: "cust-0")
                #expect(
                    try await store.connections(includingDisconnected: true).map(\.connectionID) == [
                        "c", "Z", "a", "b",
                    ])
                try await store.markDisconnected("a", at: instant(1), source: .disconnect, estimated: false)
                #expect(
                    try await store.connections(includingDisconnected: false).map(\.connectionID) == [
                        "c", "Z", "b",
                    ])
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func newDetailsRecordAnEventOnlyWhenTheStatusChanges(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.addTestConnection("conn-1")
                #expect(try await store.updateDetails("conn-1", .contractConnected, source: .refresh) == nil)
                var reauth = ConnectionDetails.contractConnected
                reauth.status = .reauth
                reauth.products = ["company"]
                reauth.entities = [ConnectionEntity(id: "ent-1", name: "East", status: "connected")]
                reauth.assisted = nil
                let event = try #require(try await store.updateDetails("conn-1", reauth, source: .refresh))
                #expect(event.from == .connected && event.to == .reauth && event.source == .refresh)
                #expect(try await store.connection("conn-1")?.details == reauth)
                // The same change; its time kept to the millisecond (both backends keep the same text).
                let stored = try #require(try await store.events(for: "conn-1").last)
                #expect(stored.to == event.to && stored.from == event.from && stored.source == event.source)
                #expect(abs(stored.time.timeIntervalSince(event.time)) < 0.002)
                await expectStoreFailure(.dataError) {
                    _ = try await store.updateDetails("conn-404", reauth, source: .refresh)
                }
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func replacingATokenKeepsTheConnectionAndRecordsIt(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                let old = try await store.addTestConnection("conn-1")
                let other = try await store.addTestConnection("conn-2")
                let new = TempStore.fakeToken()
                try await store.replaceToken(for: "conn-1", with: new, details: nil, source: .reauth)
                #expect(try await store.decryptAccessToken(for: "conn-1") == new)
                #expect(try await store.connectionID(forToken: new) == "conn-1")
                #expect(try await store.connectionID(forToken: old) == nil)
                #expect(try await store.connection("conn-1")?.tokenHint == new.redacted)
                let last = try #require(try await store.events(for: "conn-1").last)
                #expect(last.note == "token replaced" && last.source == .reauth)
                await expectStoreFailure(.dataError) {
                    try await store.replaceToken(for: "conn-1", with: other, details: nil, source: .reauth)
                }
                await expectStoreFailure(.dataError) {
                    try await store.replaceToken(for: "conn-404", with: new, details: nil, source: .reauth)
                }
                #expect(try await store.decryptAccessToken(for: "conn-1") == new)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func aDisconnectIsReplacedOnlyByAHigherRankingSource(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.addTestConnection("conn-1")
                #expect(
                    try await store.markDisconnected(
                        "conn-1", at: instant(30), source: .export, estimated: true))
                #expect(
                    !(try await store.markDisconnected(
                        "conn-1", at: instant(31), source: .export, estimated: true)))
                #expect(
                    try await store.markDisconnected(
                        "conn-1", at: instant(20), source: .dashboard, estimated: false))
                #expect(
                    !(try await store.markDisconnected(
                        "conn-1", at: instant(21), source: .dashboard, estimated: false)))
                #expect(
                    try await store.markDisconnected(
                        "conn-1", at: instant(10), source: .disconnect, estimated: false))
                #expect(
                    !(try await store.markDisconnected(
                        "conn-1", at: instant(11), source: .dashboard, estimated: false)))
                let record = try #require(try await store.connection("conn-1"))
                #expect(record.disconnectedAt == instant(10) && record.disconnectSource == .disconnect)
                #expect(!record.disconnectTimeEstimated)
                // Oldest first: the corrections moved the time earlier each time.
                let disconnects = try await store.events(for: "conn-1").filter { $0.to == .disconnected }
                #expect(disconnects.map(\.time) == [instant(10), instant(20), instant(30)])
                #expect(
                    disconnects.map(\.note) == [
                        "disconnect time corrected", "disconnect time corrected", nil,
                    ])
                await expectStoreFailure(.dataError) {
                    _ = try await store.markDisconnected(
                        "conn-404", at: instant(1), source: .disconnect, estimated: false)
                }
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func eventsAreListedByConnectionThenTime(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.addTestConnection("conn-2")
                try await store.addTestConnection("conn-1")
                let late = ConnectionEvent(
                    connectionID: "conn-1", time: .distantFuture, from: .connected, to: .reauth,
                    source: .export,
                    estimated: true, note: "late")
                let early = ConnectionEvent(
                    connectionID: "conn-1", time: instant(-1000), from: nil, to: .pending, source: .connect)
                try await store.recordEvent(late)
                try await store.recordEvent(early)
                let all = try await store.events(for: nil)
                #expect(all.map(\.connectionID) == ["conn-1", "conn-1", "conn-1", "conn-2"])
                #expect(all.first == early && all[2] == late)
                #expect(try await store.events(for: "conn-2").count == 1)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func theClientSecretAndSettingsRoundTrip(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                #expect(try await store.clientSecret() == nil)
                #expect(try await store.setting("plan") == nil)
                try await store.setClientSecret(ClientSecret("sec_first"))
                try await store.setClientSecret(ClientSecret("sec_second"))
                #expect(try await store.clientSecret() == ClientSecret("sec_second"))
                try await store.setSetting("plan", "a")
                try await store.setSetting("plan", "b")
                #expect(try await store.setting("plan") == "b")
                await expectStoreFailure(.dataError) {
                    _ = try await store.decryptAccessToken(for: "conn-404")
                }
            }
        }
    }
}
