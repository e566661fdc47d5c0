import Foundation

/// What `paybatch status` shows of a period's shared export run (issue 22): its workers, the
/// connections each holds and how long their leases have left, on the database's clock.
public struct RunCoordinationStatus: Sendable, Equatable {
    /// One worker of the run: when it joined, how long ago it last beat, what it holds.
    public struct Worker: Sendable, Equatable {
        public var id: WorkerID
        public var joinedAt: Date
        /// Seconds since its last heartbeat (its join, before any).
        public var silentFor: Double
        public var claims: [Claim]
    }

    /// A connection a worker holds and has not done yet.
    public struct Claim: Sendable, Equatable {
        public var connection: ConnectionID
        public var attempt: Int
        /// Seconds left on its lease; negative once it ran out (another worker may take it);
        /// nil where there are no leases (one process on SQLite).
        public var leaseLeft: Double?
    }

    public var runID: String
    public var period: Period
    public var parameters: SharedRunParameters
    public var startedAt: Date
    public var progress: RunProgress
    public var workers: [Worker]
    /// The worker elected to render and publish, once every connection is done.
    public var renderer: WorkerID?
    public var publishedAt: Date?
    public var exitStatus: ExitStatus?
}
