import Foundation

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
