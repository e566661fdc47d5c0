import Foundation
import PaybatchKit

/// A virtual clock for tests: `sleep(until:)` moves time forward at once instead of waiting, so
/// limiter and retry tests run in microseconds and see exact instants. Time never goes back.
public final class TestClock: PaybatchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration
    private var sleeps: [Duration] = []

    public init(start: Duration = .zero) { current = start }

    public func now() -> Duration { lock.withLock { current } }

    public func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            sleeps.append(deadline - current)
            current = max(current, deadline)
        }
        await Task.yield()
    }

    /// Moves time forward by hand.
    public func advance(by duration: Duration) { lock.withLock { current += duration } }

    /// Every wait asked for, in order (what was left until each deadline).
    public var requestedSleeps: [Duration] { lock.withLock { sleeps } }
}

/// A wall clock that always says the same instant.
public struct FixedWallClock: WallClock {
    public let date: Date
    public init(_ date: Date) { self.date = date }
    public init(iso8601: String) { self.date = ISO8601DateFormatter().date(from: iso8601)! }
    public func now() -> Date { date }
}
