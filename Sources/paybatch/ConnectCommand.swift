import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch connect --customer-id ID --customer-name NAME [...]`.
struct ConnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Connect a new customer through Finch Connect and store its token.",
        discussion: """
            Creates a Connect session (POST /connect/sessions), prints its link, and waits on the \
            redirect URI (registered with Finch; default http://127.0.0.1:8765/callback) for the \
            authorization code, which it exchanges server-side and stores. With --no-wait it only \
            prints the link; finish later with `paybatch roster add --code CODE`.

            Example:
              paybatch connect --customer-id cust-42 --customer-name "Acme Corp" --wait 15m
              paybatch connect --customer-id cust-42 --customer-name "Acme Corp" --no-wait
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Your own id of the customer.") var customerId: String
    @Option(help: "The customer's name.") var customerName: String
    @OptionGroup var flow: ConnectFlowOptions

    func run() async throws {
        try await withContext(global) { context in
            let redirect = flow.redirectURI(context)
            let code: String
            if let given = flow.code {
                code = given
            } else {
                let starter = ConnectSessionStarter(
                    client: context.finchClient(), credentials: try await context.credentialsOutsideLock())
                let finish =
                    "paybatch roster add --customer-id \(customerId) --customer-name \"\(customerName)\""
                guard
                    let arrived = try await flow.obtainCode(
                        context, finish: finish,
                        start: { redirect in
                            try await starter.start(
                                customerID: CustomerID(customerId), customerName: customerName,
                                products: flow.productList ?? ConnectSessionStarter.defaultProducts,
                                redirectURI: redirect)
                        })
                else { return .ok }
                code = arrived
            }
            return try await context.withWritableStore(creatingStore: true) { store, client in
                let result = try await ConnectionEnrollment(store: store, client: client).add(
                    code: code, credentials: try await context.clientCredentials(store: store),
                    redirectURI: redirect,
                    customerID: CustomerID(customerId), customerName: customerName, source: .connect)
                EnrollmentSummary.print(result, context.console)
                return .ok
            }
        }
    }
}

/// The options `connect` and `reauth` share, and the wait for the code at the redirect URI.
struct ConnectFlowOptions: ParsableArguments {
    @Option(help: "Products to ask for, comma-separated (default: the six paybatch exports).")
    var products: [String] = []
    @Option(help: "The redirect URI registered with Finch (default: redirect_uri setting).")
    var redirectUri: String?
    @Option(help: "How long to wait for the code: 90s, 10m, 1h (default 10m).") var wait = "10m"
    @Flag(help: "Print the link and exit; finish later with --code.") var noWait = false
    @Option(help: "An authorization code already received: skip the session and exchange it.")
    var code: String?

    func validate() throws {
        guard Self.duration(wait) != nil else {
            throw ValidationError("--wait takes a duration such as 90s, 10m or 1h.")
        }
        guard !(noWait && code != nil) else { throw ValidationError("Give --no-wait or --code, not both.") }
    }

    var productList: [String]? {
        let list = products.flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        return list.isEmpty ? nil : list
    }

    func redirectURI(_ context: CommandContext) -> String { redirectUri ?? context.settings.redirectURI }

    /// `90`, `90s`, `10m`, `1h`.
    static func duration(_ text: String) -> Duration? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        let unit = text.last.flatMap { units[$0] }
        guard let number = Double(unit == nil ? text : String(text.dropLast())), number > 0, number.isFinite
        else { return nil }
        return .milliseconds(Int64(number * (unit ?? 1) * 1000))
    }

    /// Starts the session with `start` and returns the code the browser brings back to the
    /// redirect URI; nil with --no-wait, after printing the link and how to finish.
    func obtainCode(
        _ context: CommandContext, finish: String, start: (String) async throws -> String
    ) async throws -> String? {
        let redirect = redirectURI(context)
        if noWait {
            let url = try await start(redirect)
            context.console.out("Send this link to the employer:")
            context.console.out(url)
            context.console.out("Then finish with: \(finish) --code CODE")
            return nil
        }
        guard let address = URLComponents(string: redirect), address.scheme == "http",
            let host = address.host, ["127.0.0.1", "localhost", "::1"].contains(host)
        else {
            throw RunStop(
                .usage, "paybatch can only listen on a loopback http redirect URI, not \(redirect).",
                remedy:
                    "Use --no-wait and finish with --code, or register http://127.0.0.1:8765/callback with Finch."
            )
        }
        let listener: CallbackListener
        do {
            listener = try await CallbackListener.start(
                host: host == "localhost" ? "127.0.0.1" : host, port: address.port ?? 80, path: address.path)
        } catch {
            throw RunStop(
                .temporary, "Cannot listen on \(redirect): \(error).",
                remedy:
                    "Another program (another paybatch connect?) may hold the port: stop it, or use --no-wait."
            )
        }
        do {
            let url = try await start(redirect)
            context.console.out("Open this link in a browser, or send it to the employer:")
            context.console.out(url)
            context.console.notice("Waiting up to \(wait) for the redirect to \(redirect)…")
            let arrival = await listener.next(within: Self.duration(wait)!)
            await listener.stop()
            switch arrival {
            case .code(let code): return code
            case .refused(let reason):
                throw RunStop(
                    .dataError, "Finch Connect came back to \(redirect) without a code: \(reason).",
                    remedy: "Ask the employer to go through the link again.")
            case nil:
                throw RunStop(
                    .temporary, "No authorization code arrived at \(redirect) within \(wait).",
                    remedy: "Run the command again, or finish later with `\(finish) --code CODE`.")
            }
        } catch {
            await listener.stop()
            throw error
        }
    }
}

extension CommandContext {
    /// The client credentials without taking the lock: from the environment, else the store
    /// opened read-only (so a long wait for the browser never holds the writers' lock).
    func credentialsOutsideLock() async throws -> ClientCredentials {
        if let secret = environment["FINCH_CLIENT_SECRET"], !secret.isEmpty {
            return try await clientCredentials(store: nil)
        }
        do {
            return try await withStore(mode: .readOnly) { store in try await clientCredentials(store: store) }
        } catch is MissingStore {
            // No store yet (a first `connect`): no stored secret either, and `connect` creates it.
            return try await clientCredentials(store: nil)
        }
    }
}
