/// The one place where the transport layers are composed (DESIGN.md "Seams"): retry outermost,
/// then the shared rate limiter, then observation of every attempt, then the wire. Retries pass
/// the limiter again, and every attempt is recorded with its request id and the time it waited
/// for the limiter; every retry is reported to the same observer before its wait (restic's retry
/// backend reports through a callback the same way).
public enum FinchTransportStack {
    public static func compose(
        wire: any HTTPTransport, limiter: any RateBudget, retryPolicy: RetryPolicy, budget: RetryBudget,
        observer: any FinchCallObserver, clock: any PaybatchClock, wallClock: any WallClock,
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) -> any HTTPTransport {
        let observed = ObservingTransport(inner: wire, observer: observer, clock: clock)
        let limited = RateLimitedTransport(inner: observed, limiter: limiter, clock: clock)
        return RetryingTransport(
            inner: limited, policy: retryPolicy, budget: budget, limiter: limiter, clock: clock,
            wallClock: wallClock, observer: observer, randomUnit: randomUnit)
    }
}
