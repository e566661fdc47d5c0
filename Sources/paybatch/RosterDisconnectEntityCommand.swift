import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch roster disconnect-entity CONNECTION_ID ENTITY_ID...`.
struct RosterDisconnectEntityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disconnect-entity",
        abstract: "Disconnect some entities of a multi-entity connection at Finch.",
        discussion: """
            Calls POST /disconnect-entity with the connection's token, which cannot be undone; the \
            connection and its other entities go on. The ids are checked against the connection's \
            /introspect first: an id that is not one of its entities calls nothing (exit 64) and \
            the error lists the entities. Safe to repeat: entities already disconnected are left \
            alone.

            Example:
              paybatch roster disconnect-entity 3b0e5c1a-8f7d-4a57-9d41-2b8f0c6e9a10 5e6f0d2c-…
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The connection id (see `paybatch roster list`).") var connectionID: String
    @Argument(help: "The entity ids to disconnect (from /introspect's entities).") var entityIDs: [String]

    func validate() throws {
        guard !entityIDs.isEmpty else { throw ValidationError("Name at least one entity id.") }
    }

    func run() async throws {
        try await withContext(global) { context in
            try await context.withWritableStore { store, client in
                let id = ConnectionID(connectionID)
                switch try await RosterEntityDisconnector(store: store, client: client).run(
                    id, entities: entityIDs)
                {
                case .disconnected(let removed, let already, let left, let requestID):
                    let request = requestID.map { " (request \($0))" } ?? ""
                    context.console.out(
                        "Disconnected entit\(removed.count == 1 ? "y" : "ies") \(removed.joined(separator: ", ")) of \(id) at Finch\(request)."
                    )
                    if !already.isEmpty {
                        context.console.out(
                            "Already disconnected before: \(already.joined(separator: ", ")).")
                    }
                    if left == 0 {
                        context.console.out(
                            "\(id) has no entity left; Finch bills a connection until it is disconnected: paybatch roster disconnect \(id)"
                        )
                    }
                case .alreadyDisconnected(let ids):
                    context.console.out(
                        "\(ids.joined(separator: ", ")) of \(id) \(ids.count == 1 ? "was" : "were") already disconnected; nothing to do."
                    )
                }
                return .ok
            }
        }
    }
}
