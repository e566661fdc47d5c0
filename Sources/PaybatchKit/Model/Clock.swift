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

/// The real clock: `ContinuousClock`, counted from the moment this value was made.
public struct SystemClock: PaybatchClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - origin }
    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: .milliseconds(1))
    }
}

/// Wall-clock time ("now" as a date), injected so that reports and stored times are reproducible.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The machine's wall clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
