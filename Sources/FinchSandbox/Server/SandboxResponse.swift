/// What the emulator answers, and how the server should deliver it (faults change delivery).
public struct SandboxResponse: Sendable {
    /// How the bytes reach the client.
    public enum Delivery: Sendable, Equatable {
        case normal
        /// Send only part of the body, then close the connection.
        case truncated
        /// Accept and never answer until the client hangs up.
        case hang
        /// Answer after this many milliseconds.
        case slow(Int)
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var delivery: Delivery = .normal
    /// How long after the request's arrival the answer may leave (`--latency`); the time spent
    /// building it counts towards this, so an answer is never later than its drawn latency says.
    public var latency: Duration = .zero

    /// A response; JSON helpers build most of them.
    public init(
        status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delivery: Delivery = .normal
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
    }

    /// A JSON answer.
    static func json(_ status: Int, _ value: JSONValue) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("Content-Type", "application/json")], body: value.serialized())
    }

    /// A JSON answer written straight into bytes, for the large ones (see `JSONWriter`).
    static func json(_ status: Int, _ write: (inout JSONWriter) -> Void) -> SandboxResponse {
        var writer = JSONWriter()
        write(&writer)
        return SandboxResponse(
            status: status, headers: [("Content-Type", "application/json")], body: writer.bytes)
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
