/// What the workers of one PostgreSQL store share beside its tables (issue 22): the runs they
/// export together, and one rate budget for every call to Finch.
extension PostgresStore {
    /// The coordinator of the export runs shared by this store's workers, its tables made when
    /// missing (many processes may at once).
    public func runCoordinator(
        worker: WorkerID = .current(), timing: RunCoordinationTiming = .init()
    ) async throws -> PostgresRunCoordinator {
        try await PostgresRunCoordinator.createSchema(client: client)
        return PostgresRunCoordinator(client: client, worker: worker, timing: timing)
    }

    /// The rate budget every worker of this store takes its calls' slots from, with the slots
    /// `configuration` needs made when missing.
    public func rateBudget(
        configuration: RateLimitConfiguration, clock: any PaybatchClock
    ) async throws -> PostgresRateBudget {
        let budget = PostgresRateBudget(configuration: configuration, client: client, clock: clock)
        try await budget.prepare()
        return budget
    }
}
