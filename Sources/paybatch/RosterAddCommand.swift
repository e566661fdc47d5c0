import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch roster add --customer-id ID --customer-name NAME (--token-stdin | --code CODE)`.
struct RosterAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one connection from a token on standard input or an authorization code.",
        discussion: """
            With --code, the code from Finch Connect is exchanged for a token with POST /auth/token, \
            using FINCH_CLIENT_ID and the client secret (FINCH_CLIENT_SECRET, or the one stored by \
            `paybatch config set-client-secret --stdin`). The token is checked with /introspect \
            and stored encrypted; a token is never read from an argument.

            Example:
              paybatch roster add --customer-id cust-0042 --customer-name "Acme Corp" --token-stdin < token.txt
              paybatch roster add --customer-id cust-0042 --customer-name "Acme Corp" --code 5f2c…
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Your own id of the customer.") var customerId: String
    @Option(help: "The customer's name.") var customerName: String
    @Flag(help: "Read the access token from standard input.") var tokenStdin = false
    @Option(help: "An authorization code from Finch Connect (valid 10 minutes).") var code: String?
    @Option(help: "The redirect URI the Connect session used (default: redirect_uri setting).")
    var redirectUri: String?

    func validate() throws {
        guard tokenStdin != (code != nil) else {
            throw ValidationError("Give exactly one of --token-stdin and --code.")
        }
        guard !customerId.isEmpty, !customerName.isEmpty else {
            throw ValidationError("--customer-id and --customer-name must not be empty.")
        }
    }

    func run() async throws {
        try await withContext(global) { context in
            let token = try tokenStdin ? Self.readToken() : nil
            return try await context.withWritableStore(creatingStore: true) { store, client in
                let enrollment = ConnectionEnrollment(store: store, client: client)
                let result: ConnectionEnrollment.Result
                if let token {
                    result = try await enrollment.add(
                        token: token, customerID: CustomerID(customerId), customerName: customerName,
                        source: .add)
                } else {
                    result = try await enrollment.add(
                        code: code!, credentials: try await context.clientCredentials(store: store),
                        redirectURI: redirectUri ?? context.settings.redirectURI,
                        customerID: CustomerID(customerId), customerName: customerName, source: .add)
                }
                EnrollmentSummary.print(result, context.console)
                return .ok
            }
        }
    }

    /// The whole of standard input, trimmed; never echoed.
    static func readToken() throws -> AccessToken {
        let data = try StandardStreams.readInput()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
            throw RunStop(
                .usage, "Standard input holds no single access token.",
                remedy: "Pipe exactly one token: paybatch roster add … --token-stdin < token.txt")
        }
        return AccessToken(text)
    }
}

/// The lines every command that stores a token prints about it.
enum EnrollmentSummary {
    static func print(_ result: ConnectionEnrollment.Result, _ console: Console) {
        let id = result.connectionID
        switch result.change {
        case .added:
            console.out("Added connection \(id) (status \(result.status), token \(result.tokenHint)).")
        case .tokenReplaced:
            console.out(
                "Replaced the token of connection \(id) (status \(result.status), token \(result.tokenHint))."
            )
        case .alreadyPresent:
            console.out("This token is already stored for connection \(id); nothing changed.")
        }
        if result.status.needsReauthentication {
            console.out("It needs reauthentication: run `paybatch reauth \(id)`.")
        }
    }
}
