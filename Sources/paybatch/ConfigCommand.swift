import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch config`: settings kept in the store.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Settings kept in the store.",
        subcommands: [SetClientSecret.self])

    struct SetClientSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-client-secret",
            abstract: "Store the Finch client secret, encrypted, read from standard input.",
            discussion: """
                The secret is never taken from an argument (it would land in shell history and the \
                process list). FINCH_CLIENT_SECRET, when set, wins over the stored one.

                Example:
                  paybatch config set-client-secret --stdin < client-secret.txt
                """)

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Read the secret from standard input (required).") var stdin = false

        func validate() throws {
            guard stdin else { throw ValidationError("Pass --stdin and pipe the secret in.") }
        }

        func run() async throws {
            try await withContext(global) { context in
                let data = try StandardStreams.readInput()
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
                    throw RunStop(
                        .usage, "Standard input holds no single client secret.",
                        remedy:
                            "Pipe exactly the secret: paybatch config set-client-secret --stdin < secret.txt")
                }
                return try await context.withStore(creating: true, lock: .exclusive) { store in
                    let secret = ClientSecret(text)
                    try await store.setClientSecret(secret)
                    context.console.out("Stored the client secret \(secret), encrypted.")
                    return .ok
                }
            }
        }
    }
}
