/// What asking Finch for a forced `data_sync_all` came to (API.md §9): each carries the quota as
/// Finch gave it and the request id.
public enum DataSyncStart: Sendable, Equatable {
    /// HTTP 200: a new job, one refresh of the hour's quota used.
    case started(WireJobCreation, RequestID?)
    /// HTTP 202: the connection's job was already running; its id, no quota used.
    case alreadyRunning(WireJobCreation, RequestID?)
    /// HTTP 429 with `retry_at`: no refresh left before then.
    case quotaSpent(WireJobCreation, RequestID?)

    /// The quota and job fields of the answer.
    public var answer: WireJobCreation {
        switch self {
        case .started(let answer, _), .alreadyRunning(let answer, _), .quotaSpent(let answer, _): answer
        }
    }

    public var requestID: RequestID? {
        switch self {
        case .started(_, let id), .alreadyRunning(_, let id), .quotaSpent(_, let id): id
        }
    }
}
