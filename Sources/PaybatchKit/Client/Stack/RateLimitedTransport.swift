/// The transport layer that waits for the shared limiter before each attempt, in the request's
/// bucket (from its endpoint) and through the per-IP window, and tells the layers below how long
/// it waited (`RequestContext.limiterWait`), so the observer records it with the attempt.
public struct RateLimitedTransport: HTTPTransport {
    let inner: any HTTPTransport
    let limiter: any RateBudget
    let clock: any PaybatchClock

    public init(inner: any HTTPTransport, limiter: any RateBudget, clock: any PaybatchClock) {
        self.inner = inner
        self.limiter = limiter
        self.clock = clock
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let asked = clock.now()
        return try await limiter.withSlot(request.context.endpoint?.bucket) { admitted in
            var admittedRequest = request
            admittedRequest.context.limiterWait = max(.zero, admitted - asked)
            return try await inner.send(admittedRequest)
        }
    }
}
