extension PostgresStore {
    /// The latest shared export run in this database, for `paybatch status`; nil when none ran or
    /// the tables of shared runs are not made yet.
    public func latestSharedRun() async throws -> RunCoordinationStatus? {
        try await PostgresRunCoordinator(client: client, worker: WorkerID("status")).latestStatus()
    }
}
