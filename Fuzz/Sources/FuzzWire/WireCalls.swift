import Foundation
import PaybatchKit

/// One call of each kind `FinchClient` makes, with ids that the seed corpus's bodies answer.
struct WireCalls {
    let client: FinchClient
    let token = AccessToken("fuzz-token-0000")
    let connection = ConnectionID("fuzz-connection")
    let people: [IndividualID] = ["a", "b", "0007", "0042"]
    let payments: [PaymentID] = ["pay-001", "pay-002", "fc8b024e-d373-4c9c-80fc-f1625383d142"]

    func all() async {
        let credentials = ClientCredentials(clientID: "fuzz", clientSecret: ClientSecret("fuzz-secret"))
        _ = try? await client.introspect(token, connectionID: connection)
        _ = try? await client.providers(token)
        _ = try? await client.disconnect(token, connectionID: connection)
        _ = try? await client.exchangeCode("code", credentials: credentials, redirectURI: nil)
        _ = try? await client.createConnectSession(
            ConnectSessionRequest(customerID: "c", customerName: "C", products: ["directory"]),
            credentials: credentials)
        _ = try? await client.createReauthenticateSession(
            ReauthenticateSessionRequest(connectionID: "fuzz-connection"), credentials: credentials)
        _ = try? await client.company(token, connectionID: connection)
        _ = try? await client.directory(token, connectionID: connection)
        // People are decoded only when asked for by id: ask, so every body is decoded.
        _ = try? await client.individuals(token, ids: people, connectionID: connection).value?.results(
            for: people)
        _ = try? await client.employments(token, ids: people, connectionID: connection).value?.results(
            for: people)
        _ = try? await client.payments(token, period: Period("2026-10")!, connectionID: connection)
        _ = try? await client.payStatements(token, payments: payments, connectionID: connection)
    }
}
