import Foundation

/// One HTTP request as the emulator sees it, independent of the server library.
public struct SandboxRequest: Sendable {
    public var method: String
    public var path: String
    /// The query string as sent, without `?`.
    public var rawQuery: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]

    /// A request; header names are lower-cased here.
    public init(
        method: String, path: String, rawQuery: String = "", headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method.uppercased()
        self.path = path
        self.rawQuery = rawQuery
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    /// Decoded query pairs (`+` is a space, percent escapes decoded).
    public var query: [(String, String)] {
        rawQuery.split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            func decode(_ s: String) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? s
            }
            return (decode(pair[0]), pair.count > 1 ? decode(pair[1]) : "")
        }
    }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

    /// What makes two requests "the same" for fault replay and request ids.
    var identity: String {
        [method, path, rawQuery, String(decoding: body, as: UTF8.self), headers["authorization"] ?? ""]
            .joined(separator: "\u{1F}")
    }
}
