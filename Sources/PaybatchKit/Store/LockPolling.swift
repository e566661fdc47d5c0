/// How a command waits for the store lock (`--wait-lock`), whichever database keeps the store:
/// it tries, and while the lock is busy tries again every `pollInterval` until `wait` has passed.
/// Both SQLite's flock and PostgreSQL's advisory lock can only be tried, not waited on with a
/// deadline, so both poll.
public struct LockPolling: Sendable {
    public var wait: Duration
    public var pollInterval: Duration

    public init(wait: Duration, pollInterval: Duration = .milliseconds(250)) {
        self.wait = wait
        self.pollInterval = pollInterval
    }

    /// Calls `attempt` until it takes the lock (true) or `wait` has passed; returns nil when it
    /// took it, else how many seconds it waited (for `StoreLockBusy`).
    nonisolated(nonsending) public func poll(
        sleep: (Duration) async throws -> Void, _ attempt: () async throws -> Bool
    ) async throws -> Double? {
        var waited = Duration.zero
        while try await !attempt() {
            guard waited < wait else { return Self.seconds(waited) }
            let step = min(pollInterval, wait - waited)
            try await sleep(step)
            waited += step
        }
        return nil
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
