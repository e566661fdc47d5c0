import Foundation

/// The one seam between paybatch and the network: a request in, a response out. The live transport
/// is `CurlTransport`; rate limiting, retry and observation wrap the same protocol.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
