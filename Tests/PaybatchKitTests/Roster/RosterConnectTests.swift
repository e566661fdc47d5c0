import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("Connect and reauthentication against the sandbox", .serialized)
struct RosterConnectTests {
    static let redirect = "http://127.0.0.1:9/callback"

    @Test func connectFlowStoresANewConnection() async throws {
        let sandbox = try await RosterSandbox(companies: 8)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let starter = ConnectSessionStarter(client: sandbox.client, credentials: sandbox.credentials)
        let url = try await starter.start(
            customerID: "cust-new", customerName: "Nouveau SA",
            products: ConnectSessionStarter.defaultProducts,
            redirectURI: Self.redirect)
        let code = try await sandbox.authorizationCode(from: url)
        let result = try await sandbox.enrollment().add(
            code: code, credentials: sandbox.credentials, redirectURI: Self.redirect, customerID: "cust-new",
            customerName: "Nouveau SA", source: .connect)
        #expect(result.change == .added)
        #expect(result.status == .connected)
        let record = try #require(try await sandbox.store.connection(result.connectionID))
        #expect(record.customerID == "cust-new")
        #expect(try await sandbox.store.customer("cust-new")?.name == "Nouveau SA")
        #expect(try await sandbox.store.events(for: result.connectionID).first?.source == .connect)
        #expect(sandbox.calls("POST /auth/token") == 1)

        // A code works once: Finch refuses it again, as bad input (65).
        do {
            _ = try await sandbox.enrollment().add(
                code: code, credentials: sandbox.credentials, redirectURI: Self.redirect,
                customerID: "cust-new",
                customerName: "Nouveau SA", source: .connect)
            Issue.record("a used code should be refused")
        } catch let failure as RosterCallFailure {
            #expect(failure.exitStatus == .dataError)
        }
        let bytes = sandbox.temp.storeBytes()
        #expect(bytes.range(of: Data(RosterSandbox.clientSecret.utf8)) == nil)
    }

    @Test func reauthReplacesTheTokenAndKeepsTheConnection() async throws {
        let sandbox = try await RosterSandbox(companies: 8)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        _ = try await sandbox.importer().run(try RosterFileReader.read(path: sandbox.rosterFile))
        let id = ConnectionID(sandbox.connection(.reauth).connectionID)
        let before = try #require(try await sandbox.store.connection(id))
        #expect(before.status == .reauth)

        let starter = ConnectSessionStarter(client: sandbox.client, credentials: sandbox.credentials)
        let url = try await starter.startReauthentication(id, products: nil, redirectURI: Self.redirect)
        let code = try await sandbox.authorizationCode(from: url)
        let result = try await sandbox.enrollment().reauthenticate(
            id, code: code, credentials: sandbox.credentials, redirectURI: Self.redirect)
        #expect(result.connectionID == id)
        #expect(result.change == .tokenReplaced)
        let after = try #require(try await sandbox.store.connection(id))
        #expect(after.status == .connected)
        #expect(after.tokenFingerprint != before.tokenFingerprint)
        #expect(
            try await sandbox.store.connections(includingDisconnected: true).count
                == sandbox.server.world.connections.count)
        let token = try await sandbox.store.decryptAccessToken(for: id)
        #expect(try await sandbox.client.introspect(token).connectionID == id.rawValue)
        let events = try await sandbox.store.events(for: id)
        #expect(
            events.last?.source == .reauth && events.last?.from == .reauth && events.last?.to == .connected)
    }

    @Test func reauthCodeOfAnotherConnectionIsRefusedAndReplacesNothing() async throws {
        let sandbox = try await RosterSandbox(companies: 8)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        _ = try await sandbox.importer().run(try RosterFileReader.read(path: sandbox.rosterFile))
        let target = ConnectionID(sandbox.connection(.reauth).connectionID)
        let other = ConnectionID(sandbox.connection(.normal).connectionID)
        let before = try #require(try await sandbox.store.connection(target))
        let starter = ConnectSessionStarter(client: sandbox.client, credentials: sandbox.credentials)
        let url = try await starter.startReauthentication(other, products: nil, redirectURI: Self.redirect)
        let code = try await sandbox.authorizationCode(from: url)
        do {
            _ = try await sandbox.enrollment().reauthenticate(
                target, code: code, credentials: sandbox.credentials, redirectURI: Self.redirect)
            Issue.record("a code for another connection must be refused")
        } catch let failure as any PaybatchFailure {
            #expect(failure.exitStatus == .dataError)
            #expect(failure.message.contains(other.rawValue) && failure.message.contains(target.rawValue))
        }
        let after = try #require(try await sandbox.store.connection(target))
        #expect(after.tokenFingerprint == before.tokenFingerprint)
        #expect(after.status == .reauth)
        #expect(try await sandbox.store.events(for: target).count == 1)
    }

    @Test func credentialsComeFromTheEnvironmentOrTheStore() async throws {
        let temp = try TempStore()
        let store = try temp.openShared()
        await #expect(throws: RunStop.self) {
            _ = try await ClientCredentialsSource.resolve(clientID: nil, environment: [:], store: store)
        }
        do {
            _ = try await ClientCredentialsSource.resolve(clientID: "id", environment: [:], store: store)
            Issue.record("no secret anywhere must be refused")
        } catch let stop as RunStop {
            #expect(stop.exitStatus == .configuration)
        }
        try await store.setClientSecret(ClientSecret("stored-secret-value"))
        #expect(
            try await ClientCredentialsSource.resolve(clientID: "id", environment: [:], store: store)
                .clientSecret
                .secret
                == "stored-secret-value")
        let fromEnv = try await ClientCredentialsSource.resolve(
            clientID: "id", environment: ["FINCH_CLIENT_SECRET": "env-secret"], store: store)
        #expect(fromEnv.clientSecret.secret == "env-secret")
        #expect(temp.storeBytes().range(of: Data("stored-secret-value".utf8)) == nil)
    }
}
