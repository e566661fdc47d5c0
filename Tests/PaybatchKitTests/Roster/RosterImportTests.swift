import FinchSandbox
import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("Roster import, refresh and disconnect against the sandbox", .serialized)
struct RosterImportTests {
    @Test func importsTwoHundredTokensThenSkipsThemAll() async throws {
        let sandbox = try await RosterSandbox(companies: 200)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let entries = try RosterFileReader.read(path: sandbox.rosterFile)
        #expect(entries.count == 201)

        let logs = LogLines()
        let report = try await sandbox.importer(logger: logs.logger()).run(entries)
        #expect(sandbox.calls("GET /introspect") == 201)
        #expect(report.added.count == 200)
        #expect(report.alreadyPresent == 0)
        #expect(report.exitStatus == .partial)

        // The disconnected token is reported with its line and kept as disconnected, estimated.
        let gone = sandbox.connection(.disconnected)
        let rejected = try #require(report.rejected.first)
        #expect(report.rejected.count == 1)
        #expect(rejected.line == 1 + 1 + entries.firstIndex { $0.token.secret == gone.accessToken }!)
        #expect(rejected.tokenHint == AccessToken(gone.accessToken).redacted)
        #expect(rejected.description.contains("invalid_token"))
        let stored = try #require(try await sandbox.store.connection(ConnectionID(gone.connectionID)))
        #expect(stored.isDisconnected && stored.disconnectTimeEstimated)
        #expect(stored.createdAt != nil)

        // Introspect's facts are stored; the reauth connection says so.
        let reauth = try #require(
            try await sandbox.store.connection(ConnectionID(sandbox.connection(.reauth).connectionID)))
        #expect(reauth.status == .reauth)
        let normal = sandbox.connection(.normal)
        let record = try #require(try await sandbox.store.connection(ConnectionID(normal.connectionID)))
        #expect(record.details.companyID?.rawValue == normal.companyID)
        #expect(record.details.clientType == "production")
        #expect(record.details.products.contains("pay_statement"))
        #expect(record.details.lastSuccessfulSync != nil)
        #expect(record.createdAt == ISO8601DateFormatter().string(from: normal.createdAt))
        let assisted = try #require(
            try await sandbox.store.connection(ConnectionID(sandbox.connection(.assisted).connectionID)))
        #expect(assisted.details.assisted == true)
        #expect(report.lines.contains { $0.contains("paybatch reauth \(reauth.connectionID)") })

        // Again: nothing new, no call.
        let again = try await sandbox.importer().run(try RosterFileReader.read(path: sandbox.rosterFile))
        #expect(again.alreadyPresent == 201)
        #expect(again.added.isEmpty && again.rejected.isEmpty)
        #expect(again.exitStatus == .ok)
        #expect(sandbox.calls("GET /introspect") == 201)
        #expect(try await sandbox.store.connections(includingDisconnected: true).count == 201)

        // No token is readable in the file's bytes or in anything printed.
        let bytes = sandbox.temp.storeBytes()
        let printed = (report.lines + again.lines + logs.all).joined(separator: "\n")
        #expect(logs.all.count == 201)
        #expect(logs.all.contains { $0.contains(#""code":"invalid_token""#) && $0.contains("request_id") })
        for token in sandbox.rosterTokens {
            #expect(bytes.range(of: Data(token.utf8)) == nil)
            #expect(!printed.contains(token))
        }
    }

    @Test func disconnectCallsFinchOnceAndRefreshRecordsChanges() async throws {
        let sandbox = try await RosterSandbox(companies: 12)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        _ = try await sandbox.importer().run(try RosterFileReader.read(path: sandbox.rosterFile))
        let id = ConnectionID(sandbox.connection(.normal).connectionID)
        let disconnector = RosterDisconnector(store: sandbox.store, client: sandbox.client)

        guard case .disconnected = try await disconnector.run(id) else {
            Issue.record("expected a disconnect")
            return
        }
        #expect(sandbox.calls("POST /disconnect") == 1)
        let record = try #require(try await sandbox.store.connection(id))
        #expect(record.isDisconnected && !record.disconnectTimeEstimated)
        #expect(record.disconnectSource == .disconnect)
        guard case .alreadyDisconnected = try await disconnector.run(id) else {
            Issue.record("a repeated disconnect should do nothing")
            return
        }
        #expect(sandbox.calls("POST /disconnect") == 1)

        // A connection the Dashboard disconnected behind paybatch's back: refresh finds it.
        let other = sandbox.server.world.connections.filter { $0.scenario == .normal }[1]
        _ = try await sandbox.client.disconnect(AccessToken(other.accessToken), connectionID: nil)
        let before = sandbox.calls("GET /introspect")
        let report = try await RosterRefresher(
            store: sandbox.store, introspector: TokenIntrospector(client: sandbox.client)
        )
        .run()
        #expect(sandbox.calls("GET /introspect") - before == report.checked)
        #expect(report.rejected.map(\.connectionID) == [ConnectionID(other.connectionID)])
        #expect(report.exitStatus == .partial)
        let found = try #require(try await sandbox.store.connection(ConnectionID(other.connectionID)))
        #expect(found.isDisconnected && found.disconnectTimeEstimated && found.disconnectSource == .refresh)
        let events = try await sandbox.store.events(for: ConnectionID(other.connectionID))
        #expect(events.last?.to == .disconnected && events.last?.source == .refresh)
    }

    @Test func tokenOnStandardInputIsIntrospectedAndStoredOnce() async throws {
        let sandbox = try await RosterSandbox(companies: 8)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let normal = sandbox.connection(.normal)
        let token = AccessToken(normal.accessToken)
        let first = try await sandbox.enrollment().add(
            token: token, customerID: "cust-x", customerName: "X", source: .add)
        #expect(first.change == .added)
        #expect(first.connectionID.rawValue == normal.connectionID)
        let second = try await sandbox.enrollment().add(
            token: token, customerID: "cust-x", customerName: "X", source: .add)
        #expect(second.change == .alreadyPresent)
        #expect(sandbox.calls("GET /introspect") == 1)

        let gone = AccessToken(sandbox.connection(.disconnected).accessToken)
        await #expect(throws: RosterCallFailure.self) {
            _ = try await sandbox.enrollment().add(
                token: gone, customerID: "c", customerName: "C", source: .add)
        }
        do {
            _ = try await sandbox.enrollment().add(
                token: gone, customerID: "c", customerName: "C", source: .add)
        } catch let failure as RosterCallFailure {
            #expect(failure.exitStatus == .partial)
            #expect(!failure.description.contains(gone.secret))
            #expect(failure.failure.requestID != nil && failure.description.contains("request"))
        }
    }
}
