import Foundation

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
