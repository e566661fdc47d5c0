import ArgumentParser
import PaybatchKit

/// `paybatch roster list [--json]`.
struct RosterListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the connections, tokens shown as their last four characters.",
        discussion: """
            Reads the store only; no key is needed (nothing is decrypted).

            Example:
              paybatch roster list --json
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "One JSON document on standard output.") var json = false

    func run() async throws {
        try await withContext(global) { context in
            let listing = try await context.withStore(mode: .readOnly, keys: .ifConfigured) { store in
                try await RosterListing(store: store)
            }
            if json {
                context.console.out(try listing.json())
            } else {
                listing.lines.forEach(context.console.out)
            }
            return .ok
        }
    }
}
