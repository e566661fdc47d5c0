/// The one place where the transport layers are composed (DESIGN.md "Seams"): retry outermost,
/// then observation of every attempt, then the shared rate limiter, then the wire. Retries pass
/// the limiter again, and every attempt is recorded with its request id.
public enum FinchTransportStack {
    public static func compose(
        wire: any HTTPTransport, limiter: RateLimiter, retryPolicy: RetryPolicy, budget: RetryBudget,
        observer: any FinchCallObserver, clock: any PaybatchClock, wallClock: any WallClock,
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) -> any HTTPTransport {
        let limited = RateLimitedTransport(inner: wire, limiter: limiter)
        let observed = ObservingTransport(inner: limited, observer: observer, clock: clock)
        return RetryingTransport(
            inner: observed, policy: retryPolicy, budget: budget, limiter: limiter, clock: clock,
            wallClock: wallClock, randomUnit: randomUnit)
    }
}
