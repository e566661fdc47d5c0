/// "At most `limit` requests start in any trailing window of `window`" as a pure state machine:
/// it remembers the last `limit` start times in a ring, and says when the next start is allowed.
public struct SlidingWindow: Sendable {
    public let limit: Int
    public let window: Duration
    private var starts: [Duration]
    private var next = 0
    private var count = 0

    public init(limit: Int, window: Duration) {
        precondition(limit > 0, "a window admits at least one request")
        self.limit = limit
        self.window = window
        self.starts = Array(repeating: .zero, count: limit)
    }

    /// The earliest instant, not before `now`, at which one more start keeps every trailing
    /// window at or under the limit. With `limit` starts remembered, the oldest of them must have
    /// left the window first.
    public func earliestStart(notBefore now: Duration) -> Duration {
        guard count == limit else { return now }
        let oldest = starts[next]
        return max(now, oldest + window)
    }

    /// Records a start at `instant`; instants must not decrease.
    public mutating func record(_ instant: Duration) {
        starts[next] = instant
        next = (next + 1) % limit
        count = min(count + 1, limit)
    }
}
