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
