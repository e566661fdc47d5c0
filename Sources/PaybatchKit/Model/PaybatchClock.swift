import Foundation

/// Monotonic time and sleeping, injected so that rate-limit and retry tests run without waiting.
/// Instants are durations since an arbitrary origin fixed by the clock.
public protocol PaybatchClock: Sendable {
    func now() -> Duration
    /// Suspends until `deadline` (returns at once if it has passed); throws when cancelled.
    func sleep(until deadline: Duration) async throws
}

extension PaybatchClock {
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now() + duration)
    }
}
