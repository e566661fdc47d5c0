/// One entity (an EIN, a company code) of a generated connection, as `/introspect` lists it
/// (API.md §2). Every connection has one; the multi-entity scenario's has three (issue 21).
public struct SandboxEntity: Sendable, Equatable {
    public let id: String
    public let name: String
    public let sourceID: String
    /// Its own status at Finch; nil: the connection's.
    public let fixedStatus: String?
    /// Its place among the connection's entities.
    public let place: Int

    /// The status `/introspect` shows: `disconnected` once removed, else its own or the connection's.
    func status(connection: String, removed: Set<String>) -> String {
        removed.contains(id) ? "disconnected" : fixedStatus ?? connection
    }
}
