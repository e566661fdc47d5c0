import Foundation

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
