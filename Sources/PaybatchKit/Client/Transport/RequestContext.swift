import Foundation

/// What the stack knows about a request beyond its bytes: which endpoint and connection it serves,
/// and which attempt this is. Used for rate-limit buckets, retries and the request log.
public struct RequestContext: Sendable {
    public var endpoint: FinchEndpoint?
    public var connectionID: ConnectionID?
    /// 0 for the first attempt, then 1, 2… as the retry layer tries again.
    public var attempt: Int
    /// How long this attempt waited for the shared rate limiter (set by `RateLimitedTransport`).
    public var limiterWait: Duration = .zero
    public init(endpoint: FinchEndpoint? = nil, connectionID: ConnectionID? = nil, attempt: Int = 0) {
        self.endpoint = endpoint
        self.connectionID = connectionID
        self.attempt = attempt
    }
}
