import Foundation

/// `roster disconnect-entity ID ENTITY_ID...`: `POST /disconnect-entity` for some entities of a
/// multi-entity connection (API.md §2.6), which cannot be undone; the connection and its token go
/// on. The ids are checked against the connection's introspection first, so a mistyped id calls
/// nothing; entities already disconnected are left alone.
public struct RosterEntityDisconnector {
    public enum Outcome: Sendable, Equatable {
        /// `removed` were disconnected now; `already` were before. `left` entities of the
        /// connection are not disconnected (none: Finch still bills the connection until it is
        /// disconnected itself).
        case disconnected(removed: [String], already: [String], left: Int, requestID: RequestID?)
        /// Every id named was disconnected before: nothing was called.
        case alreadyDisconnected([String])
    }

    public let store: any PaybatchStore
    public let client: FinchClient

    public init(store: any PaybatchStore, client: FinchClient) {
        self.store = store
        self.client = client
    }

    public func run(_ id: ConnectionID, entities named: [String]) async throws -> Outcome {
        let record = try await store.existingConnection(id)
        if record.disconnectedAt != nil {
            throw RunStop(
                .usage, "Connection \(id) is disconnected: it has no entities to disconnect.",
                remedy: "See `paybatch roster list`.")
        }
        let token = try await store.decryptAccessToken(for: id)
        let entities: [WireEntity]
        do {
            entities = try await client.introspect(token, connectionID: id).entities?.present ?? []
        } catch let failure as FinchFailure {
            throw RosterCallFailure("the introspect", connectionID: id, failure: failure)
        }
        let requested = Self.unique(named)
        if let unknown = requested.first(where: { name in !entities.contains { $0.id == name } }) {
            throw RunStop(
                .usage, "\(unknown) is not an entity of connection \(id). \(Self.listing(entities, of: id))",
                remedy: "Name entities by the ids listed.")
        }
        let isGone = { (name: String) in
            entities.contains { $0.id == name && $0.status?.rawValue == "disconnected" }
        }
        let (already, removing) = (requested.filter(isGone), requested.filter { !isGone($0) })
        guard !removing.isEmpty else { return .alreadyDisconnected(already) }
        let body = FinchClient.encode(DisconnectEntityRequest(entityIDs: removing))
        do {
            let response = try await client.send(
                .disconnectEntity, .bearer(token), body: body, connectionID: id)
            let left = entities.filter { entity in
                !(entity.id.map { isGone($0) || removing.contains($0) } ?? false)
            }
            return .disconnected(
                removed: removing, already: already, left: left.count, requestID: response.requestID)
        } catch let failure as FinchFailure {
            throw RosterCallFailure("the entity disconnect", connectionID: id, failure: failure)
        }
    }

    /// The names in their first order, each once.
    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// What the error says a connection's entities are, so the right id is at hand.
    static func listing(_ entities: [WireEntity], of id: ConnectionID) -> String {
        guard !entities.isEmpty else { return "Finch lists no entities for it." }
        let items = entities.map { entity in
            "\(entity.id ?? "(no id)") (\(entity.name ?? "no name"), \(entity.status?.rawValue ?? "no status"))"
        }
        return "Its entities: \(items.joined(separator: ", "))."
    }
}
