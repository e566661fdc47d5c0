/// The transport layer that waits for the shared limiter before each attempt, in the request's
/// bucket (from its endpoint) and through the per-IP window.
public struct RateLimitedTransport: HTTPTransport {
    let inner: any HTTPTransport
    let limiter: RateLimiter

    public init(inner: any HTTPTransport, limiter: RateLimiter) {
        self.inner = inner
        self.limiter = limiter
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await limiter.acquire(request.context.endpoint?.bucket)
        return try await inner.send(request)
    }
}
