import Foundation

/// What one attempt of one call came to: the facts the request log keeps (SPEC §3: every
/// response's `Finch-Request-Id` against the connection, endpoint and outcome).
public struct FinchCallRecord: Sendable {
    public var method: HTTPRequest.Method = .get
    public var endpoint: FinchEndpoint?
    public var connectionID: ConnectionID?
    /// 0 for a first attempt; retries count from 1.
    public var attempt: Int
    public var httpStatus: Int?
    public var requestID: RequestID?
    public var name: String?
    public var finchCode: String?
    /// `Finch-Data-Retrieved`, as Finch sent it.
    public var dataRetrieved: String?
    /// For a request that got no answer: the transport's short code.
    public var transportError: String?
    /// The time on the wire, from sending to the whole answer (or the transport's failure).
    public var duration: Duration
    /// The time the attempt waited for the shared rate limiter before it was sent.
    public var limiterWait: Duration = .zero
    /// `Retry-After` (seconds or an HTTP date) or `retry-after-ms`, as Finch sent it.
    public var retryAfter: String?
}
