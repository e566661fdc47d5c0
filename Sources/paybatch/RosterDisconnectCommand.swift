import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch roster disconnect CONNECTION_ID`.
struct RosterDisconnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disconnect",
        abstract: "Disconnect a connection at Finch (ending its billing) and mark it disconnected.",
        discussion: """
            Calls POST /disconnect with the connection's token, which cannot be undone, then \
            records the time. Safe to repeat: an already disconnected connection is left alone.

            Example:
              paybatch roster disconnect 3b0e5c1a-8f7d-4a57-9d41-2b8f0c6e9a10
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The connection id (see `paybatch roster list`).") var connectionID: String

    func run() async throws {
        try await withContext(global) { context in
            try await context.withWritableStore { store, client in
                let id = ConnectionID(connectionID)
                switch try await RosterDisconnector(store: store, client: client).run(id) {
                case .disconnected(let requestID):
                    context.console.out(
                        "Disconnected \(id) at Finch\(requestID.map { " (request \($0))" } ?? ""); Finch stops billing it."
                    )
                case .alreadyDisconnected(let at, let source, let estimated):
                    let how = estimated ? "found rejected" : "disconnected"
                    context.console.out(
                        "\(id) was already \(how) at \(StoreTimestamp.text(at)) (by \(source?.rawValue ?? "unknown")); nothing to do."
                    )
                case .tokenAlreadyRejected(let requestID):
                    context.console.out(
                        "Finch already refuses the token of \(id)\(requestID.map { " (request \($0))" } ?? ""); marked disconnected, time estimated."
                    )
                }
                return .ok
            }
        }
    }
}
