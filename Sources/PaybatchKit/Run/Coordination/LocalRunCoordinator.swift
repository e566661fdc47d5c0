import Foundation

/// The coordinator of a SQLite store: one process, one worker, so no leases — the store's lock
/// already keeps other processes out. It keeps the run's state in memory for the length of the
/// export, so that the export has one code path whichever store it runs on.
public actor LocalRunCoordinator: RunCoordinator {
    public nonisolated let worker: WorkerID
    public nonisolated let timing: RunCoordinationTiming

    /// The run of this process, once joined.
    private struct Run {
        var id: String
        var period: Period
        var parameters: SharedRunParameters
        var startedAt: Date
        var order: [ConnectionID]? = nil
        var claimed: Set<ConnectionID> = []
        var done: [ConnectionID: ExportStatus] = [:]
        var renderer = false
        var published: (at: Date, status: ExitStatus)? = nil
    }

    private var run: Run?
    private let now: @Sendable () -> Date

    public init(
        worker: WorkerID = .current(), timing: RunCoordinationTiming = .init(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.worker = worker
        self.timing = timing
        self.now = now
    }

    public func join(
        period: Period, parameters: SharedRunParameters, proposedRunID: String, joinWindow: Duration
    ) throws -> RunJoin {
        // SQLite's lock lets one export at a time in: a second join in one process is a bug.
        guard run == nil else { throw RunStop(.software, "This process already joined a run.") }
        run = Run(id: proposedRunID, period: period, parameters: parameters, startedAt: now())
        return .started(runID: proposedRunID)
    }

    @discardableResult
    public func seed(runID: String, connections: [ConnectionID]) throws -> Bool {
        try require(runID)
        guard run?.order == nil else { return false }
        run?.order = connections
        return true
    }

    public func claimNext(runID: String) throws -> ClaimOutcome {
        let run = try require(runID)
        guard let order = run.order else { return .waiting(retryAfter: timing.poll) }
        if let next = order.first(where: { !run.claimed.contains($0) }) {
            self.run?.claimed.insert(next)
            return .claimed(ConnectionClaim(connection: next, attempt: 1, previousWorker: nil))
        }
        // Claimed but not done: this same process is still fetching them.
        return run.done.count == order.count ? .allDone : .waiting(retryAfter: timing.poll)
    }

    @discardableResult
    public func heartbeat(runID: String) throws -> Set<ConnectionID> {
        let run = try require(runID)
        return run.claimed.filter { run.done[$0] == nil }
    }

    @discardableResult
    public func markDone(runID: String, connection: ConnectionID, status: ExportStatus) throws -> Bool {
        let run = try require(runID)
        guard run.claimed.contains(connection), run.done[connection] == nil else { return false }
        self.run?.done[connection] = status
        return true
    }

    public func progress(runID: String) throws -> RunProgress {
        let run = try require(runID)
        return RunProgress(
            seeded: run.order != nil, total: run.order?.count ?? 0, done: run.done.count,
            leased: run.claimed.count - run.done.count)
    }

    public func electRenderer(runID: String) throws -> Bool {
        guard try progress(runID: runID).isComplete, run?.published == nil else { return false }
        run?.renderer = true
        return true
    }

    @discardableResult
    public func markPublished(runID: String, exitStatus: ExitStatus) throws -> Bool {
        let run = try require(runID)
        guard run.renderer, run.published == nil else { return false }
        self.run?.published = (now(), exitStatus)
        return true
    }

    public func waitForPublication(runID: String) async throws -> PublicationWait {
        while true {
            if let published = try require(runID).published { return .published(published.status) }
            if try electRenderer(runID: runID) { return .renderHere }
            try await Task.sleep(for: timing.poll)
        }
    }

    public func status(period: Period) -> RunCoordinationStatus? {
        guard let run, run.period == period else { return nil }
        let held = (run.order ?? []).filter { run.claimed.contains($0) && run.done[$0] == nil }
        return RunCoordinationStatus(
            runID: run.id, period: period, parameters: run.parameters, startedAt: run.startedAt,
            progress: RunProgress(
                seeded: run.order != nil, total: run.order?.count ?? 0, done: run.done.count,
                leased: held.count),
            workers: [
                RunCoordinationStatus.Worker(
                    id: worker, joinedAt: run.startedAt, silentFor: 0,
                    claims: held.map { .init(connection: $0, attempt: 1, leaseLeft: nil) })
            ],
            renderer: run.renderer ? worker : nil, publishedAt: run.published?.at,
            exitStatus: run.published?.status)
    }

    /// The run, which must be the one this process joined.
    @discardableResult
    private func require(_ runID: String) throws -> Run {
        guard let run, run.id == runID else {
            throw RunStop(.software, "The run \(runID) is not the one this process joined.")
        }
        return run
    }
}
