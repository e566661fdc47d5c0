/// Where the roster came from, for the Inputs sheet and reconciliation.json. The store's bytes
/// change with every write, so it is named and counted rather than hashed.
public struct RosterSource: Sendable, Equatable {
    public var path: String
    public var connections: Int

    public init(path: String, connections: Int) {
        self.path = path
        self.connections = connections
    }
}
