import Crypto
import Foundation

/// A request's stable name within a connection: its endpoint and a digest of its query and body,
/// so the same request in a resumed run finds the answer the first attempt stored.
public struct RequestKey: Sendable, Hashable, CustomStringConvertible {
    public var connectionID: ConnectionID
    public var endpoint: FinchEndpoint
    public var text: String
    /// The entity the call read, of a multi-entity connection (its `entity_ids[]` is in the query,
    /// so in `text` too); kept beside the answer so a render reads each entity's answers apart.
    public var entity: EntityID?

    public init(
        connectionID: ConnectionID, endpoint: FinchEndpoint, query: String?, body: Data?,
        entity: EntityID? = nil
    ) {
        self.connectionID = connectionID
        self.endpoint = endpoint
        self.entity = entity
        var hasher = SHA256()
        hasher.update(data: Data((query ?? "").utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: body ?? Data())
        let digest = hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
        text = "\(endpoint.rawValue)#\(digest)"
    }

    public var description: String { text }
}
