/// A call the retry layer stops trying although its last answer was retryable (SPEC §3): its six
/// attempts are used, the run's retry budget is spent, or Finch asked for a longer wait than
/// paybatch waits. Reported once, before the last answer is returned or the run is stopped, as
/// restic's retry backend reports through a callback.
public struct FinchGiveUp: Sendable {
    /// Why no retry follows.
    public enum Reason: String, Sendable {
        case attemptsExhausted = "attempts_exhausted"
        case retryBudgetSpent = "retry_budget_spent"
        case retryAfterTooLong = "retry_after_too_long"
    }

    public var reason: Reason
    public var endpoint: FinchEndpoint?
    public var connectionID: ConnectionID?
    /// The last attempt, 0 for the first (as `FinchCallRecord.attempt`).
    public var lastAttempt: Int
    public var httpStatus: Int?
    /// The request id of the last answer, when there was one.
    public var requestID: RequestID?
    public var transportError: String?
    /// What the call waited between its attempts, in all (backoff and `Retry-After`).
    public var waited: Duration
    /// The wait Finch asked for in the last answer, when it did.
    public var serverDelay: Duration?
}
