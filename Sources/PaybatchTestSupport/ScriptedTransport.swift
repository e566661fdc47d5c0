import Foundation
import PaybatchKit
import Testing

/// A transport that answers from a script, in order, and records what was sent. Running out of
/// replies fails the test loudly (DESIGN.md "Seams"): a test never passes on a call it did not expect.
public final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    /// One scripted answer: a response, or a transport error.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(TransportError)

        /// A JSON reply with a request id.
        public static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Reply {
            var all = headers.map { (name: $0.0, value: $0.1) }
            all.append((name: "Content-Type", value: "application/json"))
            return .response(HTTPResponse(status: status, headers: all, body: Data(body.utf8)))
        }
    }

    private let lock = NSLock()
    private var replies: [Reply]
    private var sent: [HTTPRequest] = []
    private var counter = 0

    public init(_ replies: [Reply] = []) { self.replies = replies }

    /// Appends more replies.
    public func enqueue(_ more: Reply...) { lock.withLock { replies.append(contentsOf: more) } }

    public var requests: [HTTPRequest] { lock.withLock { sent } }
    public var remaining: Int { lock.withLock { replies.count } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply: Reply? = lock.withLock {
            sent.append(request)
            counter += 1
            return replies.isEmpty ? nil : replies.removeFirst()
        }
        guard let reply else {
            Issue.record("ScriptedTransport ran out of replies at \(request.method.rawValue) \(request.url)")
            throw TransportTestError("no scripted reply for \(request.url)")
        }
        switch reply {
        case .response(var response):
            if response.header("Finch-Request-Id") == nil {
                let id = lock.withLock { counter }
                response.headers.append((name: "Finch-Request-Id", value: "req-\(id)"))
            }
            return response
        case .failure(let error):
            throw error
        }
    }
}

/// Collects every call record, for assertions.
public final class RecordingCallObserver: FinchCallObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [FinchCallRecord] = []
    public init() {}
    public func record(_ call: FinchCallRecord) async { lock.withLock { stored.append(call) } }
    public var records: [FinchCallRecord] { lock.withLock { stored } }
}
