import Logging

/// The connections of a run shared by workers (issue 22), claimed one at a time under a lease
/// from the run's coordinator: this worker fetches only those it claims, so the calls of all
/// workers together stay SPEC §8's minimum; a connection whose worker died comes back here after
/// its lease and is resumed from the answers that worker stored.
struct ClaimedConnections: ConnectionQueue {
    let coordinator: any RunCoordinator
    let runID: String
    /// Every connection the run covers, by id: a claim names one.
    let connections: [ConnectionID: FetchStage.Connection]
    let log: ExportLog

    func next(waiting: Bool) async throws -> FetchStage.Connection? {
        while true {
            switch try await coordinator.claimNext(runID: runID) {
            case .claimed(let claim):
                guard let connection = connections[claim.connection] else {
                    // Not live here (disconnected since the run was seeded): nothing to fetch.
                    try await coordinator.markDone(
                        runID: runID, connection: claim.connection, status: .notFetched)
                    continue
                }
                if let previous = claim.previousWorker {
                    log.resumingClaim(claim.connection, from: previous, attempt: claim.attempt)
                }
                return connection
            case .waiting(let retryAfter):
                guard waiting else { return nil }
                try await Task.sleep(for: retryAfter)
            case .allDone:
                return nil
            }
        }
    }

    func finished(_ connection: ConnectionID, status: ExportStatus) async throws {
        try await coordinator.markDone(runID: runID, connection: connection, status: status)
    }
}
