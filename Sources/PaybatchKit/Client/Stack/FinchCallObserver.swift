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

/// A retry about to happen: the attempt that failed and how long the retry layer waits before the
/// next one (SPEC §3: `Retry-After` when Finch sent one, else backoff).
public struct FinchRetry: Sendable {
    public var endpoint: FinchEndpoint?
    public var connectionID: ConnectionID?
    /// The attempt that failed, 0 for the first (as `FinchCallRecord.attempt`).
    public var failedAttempt: Int
    public var httpStatus: Int?
    public var requestID: RequestID?
    public var transportError: String?
    /// The wait before the next attempt (it then waits for the limiter too).
    public var delay: Duration
    /// The wait Finch asked for, when it did.
    public var serverDelay: Duration?
}

/// Receives every attempt's record as it completes (the store persists them), and every retry and
/// every call given up on as the retry layer decides them.
public protocol FinchCallObserver: Sendable {
    func record(_ call: FinchCallRecord) async
    func retrying(_ retry: FinchRetry) async
    func givingUp(_ giveUp: FinchGiveUp) async
}

extension FinchCallObserver {
    /// Most observers need only the attempts.
    public func retrying(_ retry: FinchRetry) async {}
    public func givingUp(_ giveUp: FinchGiveUp) async {}
}

/// An observer made of a closure, for the live wiring and for tests.
public struct ClosureCallObserver: FinchCallObserver {
    private let body: @Sendable (FinchCallRecord) async -> Void
    public init(_ body: @escaping @Sendable (FinchCallRecord) async -> Void) { self.body = body }
    public func record(_ call: FinchCallRecord) async { await body(call) }
}

extension FinchErrorBody {
    /// Finch's error body from raw bytes, or nil when the bytes are not one (HTML, empty, cut off).
    public static func decode(_ data: Data) -> FinchErrorBody? {
        guard !data.isEmpty else { return nil }
        return try? JSONDecoder().decode(FinchErrorBody.self, from: data)
    }
}
