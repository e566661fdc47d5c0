import Foundation

/// One HTTP request, as paybatch sends it. `context` travels with it through the transport stack
/// (rate limiter, retry, observer) but never onto the wire.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// The total time one attempt may take, connect included.
    public var timeout: Duration
    public var context: RequestContext

    public init(
        method: Method, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
        timeout: Duration = .seconds(360), context: RequestContext = RequestContext()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.context = context
    }

    /// The value of the first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

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

/// One HTTP response: status, headers (names as received) and the whole body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the last header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// `Finch-Request-Id` (Finch writes it `Finch-Request-ID` in places; names are case-insensitive).
    public var requestID: RequestID? { header("Finch-Request-Id").map(RequestID.init) }
}

/// The one seam between paybatch and the network: a request in, a response out. The live transport
/// is `CurlTransport`; rate limiting, retry and observation wrap the same protocol.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// A request that got no HTTP response at all.
public struct TransportError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Nobody listens there, or the connection was reset before an answer.
        case connectionFailed = "connection_failed"
        case timedOut = "timeout"
        case hostNotFound = "host_not_found"
        case tls
        /// The answer was cut short (a truncated body or a malformed response).
        case incompleteResponse = "incomplete_response"
        case cancelled
        case other
    }

    public var kind: Kind
    /// The library's own words, for the log; never contains request headers.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
