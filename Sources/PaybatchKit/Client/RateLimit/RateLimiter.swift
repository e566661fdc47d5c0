/// One limiter for the whole application, shared by every token and every command: a trailing
/// window per bucket plus the per-IP window that every request passes (SPEC §3). Callers of one
/// bucket are served first come, first served, so no connection starves another — unless they
/// carry a `CallPriority`: then the lowest goes first (an export serves its connections in the
/// order its reports list them, so it can write the first ones while the last are fetched).
public actor RateLimiter {
    private enum Key: Hashable {
        case bucket(RateLimitBucket)
        case ipOnly
    }

    public let configuration: RateLimitConfiguration
    private let clock: any PaybatchClock
    private var buckets: [RateLimitBucket: SlidingWindow] = [:]
    private var ip: SlidingWindow?
    private var blockedUntil: [Key: Duration] = [:]
    private var busy: Set<Key> = []
    private var waiting: [Key: [(priority: Int, turn: CheckedContinuation<Void, Never>)]] = [:]

    public init(configuration: RateLimitConfiguration, clock: any PaybatchClock) {
        self.configuration = configuration
        self.clock = clock
        if configuration.isPaced {
            for bucket in RateLimitBucket.allCases {
                buckets[bucket] = SlidingWindow(
                    limit: configuration.limit(for: bucket), window: configuration.window(for: bucket))
            }
            ip = SlidingWindow(limit: configuration.sharedIPLimit, window: configuration.ipWindow)
        }
    }

    /// Waits until one more request in `bucket` (nil: an endpoint with no product bucket) keeps
    /// every window within its limit, records it, and returns the instant it was admitted.
    @discardableResult
    public func acquire(_ bucket: RateLimitBucket?) async throws -> Duration {
        guard configuration.isPaced else { return clock.now() }
        let key: Key = bucket.map { .bucket($0) } ?? .ipOnly
        await takeTurn(key, priority: CallPriority.current ?? Int.max)
        defer { passTurn(key) }
        while true {
            try Task.checkCancellation()
            let now = clock.now()
            var earliest = ip?.earliestStart(notBefore: now) ?? now
            if let bucket, let window = buckets[bucket] {
                earliest = max(earliest, window.earliestStart(notBefore: now))
            }
            if let blocked = blockedUntil[key] { earliest = max(earliest, blocked) }
            if earliest <= now {
                ip?.record(now)
                if let bucket { buckets[bucket]?.record(now) }
                return now
            }
            try await clock.sleep(until: earliest)
        }
    }

    /// Finch refused a request of `bucket` anyway (a 429): hold the bucket until `until`.
    public func hold(_ bucket: RateLimitBucket?, until: Duration) {
        let key: Key = bucket.map { .bucket($0) } ?? .ipOnly
        blockedUntil[key] = max(blockedUntil[key] ?? .zero, until)
    }

    private func takeTurn(_ key: Key, priority: Int) async {
        if busy.insert(key).inserted { return }
        await withCheckedContinuation { waiting[key, default: []].append((priority, $0)) }
    }

    private func passTurn(_ key: Key) {
        if var queue = waiting[key], !queue.isEmpty {
            // The first of the lowest priority: equal ones keep their order of arrival.
            let next = queue.indices.min { queue[$0].priority < queue[$1].priority }!
            let turn = queue.remove(at: next).turn
            waiting[key] = queue
            turn.resume()
        } else {
            busy.remove(key)
        }
    }
}
