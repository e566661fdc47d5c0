import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch reauth CONNECTION_ID [...]`.
struct ReauthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reauth",
        abstract: "Reauthenticate a connection through Finch Connect and replace its token.",
        discussion: """
            Creates a reauthentication session (POST /connect/sessions/reauthenticate) for the \
            connection, prints its link and waits for the code as `connect` does. The new token \
            replaces the old one only when Finch says it belongs to the same connection; \
            otherwise the command exits 65 and replaces nothing.

            Example:
              paybatch reauth 3b0e5c1a-8f7d-4a57-9d41-2b8f0c6e9a10
              paybatch reauth 3b0e5c1a-8f7d-4a57-9d41-2b8f0c6e9a10 --code 5f2c…
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The connection to reauthenticate (see `paybatch status`).") var connectionID: String
    @OptionGroup var flow: ConnectFlowOptions

    func run() async throws {
        try await withContext(global) { context in
            let id = ConnectionID(connectionID)
            let redirect = flow.redirectURI(context)
            let code: String
            if let given = flow.code {
                code = given
            } else {
                let stored = try await context.withStore(mode: .readOnly, keys: .ifConfigured) { store in
                    try await store.connection(id)
                }
                guard stored != nil else {
                    throw RunStop(
                        .usage, "No connection \(id) in the roster.",
                        remedy: "See `paybatch roster list` for the stored connection ids.")
                }
                let starter = ConnectSessionStarter(
                    client: context.finchClient(), credentials: try await context.credentialsOutsideLock())
                guard
                    let arrived = try await flow.obtainCode(
                        context, finish: "paybatch reauth \(id)",
                        start: { redirect in
                            try await starter.startReauthentication(
                                id, products: flow.productList, redirectURI: redirect)
                        })
                else { return .ok }
                code = arrived
            }
            return try await context.withWritableStore { store, client in
                let result = try await ConnectionEnrollment(store: store, client: client).reauthenticate(
                    id, code: code, credentials: try await context.clientCredentials(store: store),
                    redirectURI: redirect)
                EnrollmentSummary.print(result, context.console)
                return .ok
            }
        }
    }
}
