/// What the transport stack paces its calls through: a slot per call in its bucket and in the
/// per-IP window, and a hold on a bucket after Finch refused one of its calls (a 429). Two
/// kinds: `RateLimiter`, in this process, and `PostgresRateBudget`, shared through PostgreSQL by
/// every worker of one Finch application (issue 22).
public protocol RateBudget: Sendable {
    /// The limits this budget paces to.
    var configuration: RateLimitConfiguration { get }

    /// Waits until one more request in `bucket` (nil: an endpoint with no product bucket) keeps
    /// every window within its limit, takes that slot, and returns the instant it was admitted
    /// on the caller's clock.
    @discardableResult
    func acquire(_ bucket: RateLimitBucket?) async throws -> Duration

    /// Finch refused a request of `bucket` anyway (a 429): no call of it starts before `until`.
    func hold(_ bucket: RateLimitBucket?, until: Duration) async throws

    /// Runs one call in its slot: waits as `acquire` does, then runs `call` with the instant it
    /// was admitted. A budget shared through a database stamps the slot again when the call has
    /// ended (see `PostgresRateBudget`).
    func withSlot<T: Sendable>(
        _ bucket: RateLimitBucket?, _ call: (Duration) async throws -> T
    ) async throws -> T
}

extension RateBudget {
    public func withSlot<T: Sendable>(
        _ bucket: RateLimitBucket?, _ call: (Duration) async throws -> T
    ) async throws -> T {
        try await call(try await acquire(bucket))
    }
}

extension RateLimiter: RateBudget {}
