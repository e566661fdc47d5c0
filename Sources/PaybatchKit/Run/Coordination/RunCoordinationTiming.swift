/// The leases of a shared run. A connection's lease and the renderer's last `lease`; a live worker
/// renews them every `heartbeat`, a third of it, so that two missed beats (a stalled machine, a slow
/// database) never cost a live worker its claims, while a dead worker's connections go to another
/// within `lease`: 30 s against an export whose pace is set by Finch's rate limits over minutes.
public struct RunCoordinationTiming: Sendable, Equatable {
    public var lease: Duration
    public var heartbeat: Duration
    /// How long a worker that found nothing free waits at most before asking again — also how
    /// late a worker that did not render learns the run was published: a second for a 30 s lease
    /// (a sixth of it, 5 s, added 3–5 s to the last worker's exit; BENCHMARKS.md part 7), at one
    /// small statement a second per waiting worker.
    public var poll: Duration

    public init(lease: Duration = .seconds(30), heartbeat: Duration? = nil, poll: Duration? = nil) {
        self.lease = lease
        self.heartbeat = heartbeat ?? lease / 3
        self.poll = poll ?? lease / 30
    }

    /// Whole milliseconds, as the statements bind them.
    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
