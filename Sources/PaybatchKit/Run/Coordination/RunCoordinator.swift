/// What an export needs to share one run of a period among workers (issue 22): joining (or
/// starting) the run, claiming its connections one at a time under a lease, marking them done,
/// electing the one worker that renders and publishes, and waiting for that.
///
/// A worker's loop: `join`; `seed` (every worker may: only the first call counts); `claimNext`
/// until `.allDone`, sleeping on `.waiting` (a dead worker's connections come back there), with
/// `heartbeat` beating beside it; then `electRenderer` — the winner renders and calls
/// `markPublished`, the others `waitForPublication`; every worker exits with the published code.
/// `PostgresRunCoordinator` serves many processes; `LocalRunCoordinator` the one process of a
/// SQLite store, so the export has one code path.
public protocol RunCoordinator: Sendable {
    /// This worker.
    var worker: WorkerID { get }
    var timing: RunCoordinationTiming { get }

    /// Joins the period's run going with `parameters`, or starts it as `proposedRunID` when none is
    /// going; a run published less than `joinWindow` ago is not joined but answered with its code.
    func join(
        period: Period, parameters: SharedRunParameters, proposedRunID: String, joinWindow: Duration
    ) async throws -> RunJoin

    /// Records the connections the run covers, in the order they are to be claimed. Only the first
    /// call for a run counts (true); later ones, from the other workers, change nothing (false).
    @discardableResult
    func seed(runID: String, connections: [ConnectionID]) async throws -> Bool

    /// Claims the first connection that is neither done nor held under a live lease.
    func claimNext(runID: String) async throws -> ClaimOutcome

    /// Renews this worker's leases (its claims, and the renderer's if it is the renderer); answers
    /// the connections it still holds: one missing was taken by another worker after its lease ran out.
    @discardableResult
    func heartbeat(runID: String) async throws -> Set<ConnectionID>

    /// Marks a connection this worker holds done, with its export status; false when another worker
    /// took it over meanwhile (that one marks it done).
    @discardableResult
    func markDone(runID: String, connection: ConnectionID, status: ExportStatus) async throws -> Bool

    func progress(runID: String) async throws -> RunProgress

    /// Elects this worker to render and publish, once every connection is done: true for exactly
    /// one worker (again for that one), unless its lease ran out unpublished, when another may win.
    func electRenderer(runID: String) async throws -> Bool

    /// Records the run published with its code; false when this worker is no longer the renderer.
    @discardableResult
    func markPublished(runID: String, exitStatus: ExitStatus) async throws -> Bool

    /// Waits until the run is published, or its renderer's lease runs out and this worker is
    /// elected in its place.
    func waitForPublication(runID: String) async throws -> PublicationWait

    /// The period's latest run as `status` shows it; nil when there is none.
    func status(period: Period) async throws -> RunCoordinationStatus?
}

extension RunCoordinator {
    /// Beats every `timing.heartbeat` until cancelled, which is how it ends (without an error).
    public func keepAlive(runID: String) async throws {
        while !Task.isCancelled {
            try await heartbeat(runID: runID)
            do { try await Task.sleep(for: timing.heartbeat) } catch is CancellationError { return }
        }
    }

    /// Whether every connection of the run is done.
    public func isEverythingDone(runID: String) async throws -> Bool {
        try await progress(runID: runID).isComplete
    }
}
