/// Where the fetch stage takes its next connection from: the selected list, in the reports'
/// order (one process), or the claims of a run shared by workers (`ClaimedConnections`).
protocol ConnectionQueue: Sendable {
    /// The next connection to fetch; nil when there is none now. With `waiting`, nil means none
    /// is left at all: it waits while connections are held by other workers, whose leases may end.
    func next(waiting: Bool) async throws -> FetchStage.Connection?
    /// A connection's fetch ended with `status` (its outcome is recorded in the store).
    func finished(_ connection: ConnectionID, status: ExportStatus) async throws
}

/// The selected connections of a one-process export, in their order.
actor ListedConnections: ConnectionQueue {
    private var pending: ArraySlice<FetchStage.Connection>

    init(_ connections: [FetchStage.Connection]) { pending = connections[...] }

    func next(waiting: Bool) -> FetchStage.Connection? { pending.popFirst() }
    func finished(_ connection: ConnectionID, status: ExportStatus) {}
}
