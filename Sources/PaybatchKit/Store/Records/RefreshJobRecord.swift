import Foundation

/// One forced refresh of a connection (`paybatch refresh`, `export --refresh-first`): what was
/// asked, Finch's quota as it answered, and where the job stands. Holds no token.
public struct RefreshJobRecord: Sendable, Equatable {
    /// The store's row id; nil until saved.
    public var refreshID: Int64?
    public var connectionID: ConnectionID
    /// Finch's job id; nil when no job was started (assisted, quota spent, a failure).
    public var jobID: String?
    public var requestedAt: Date
    public var updatedAt: Date
    public var status: RefreshJobStatus
    public var allowedRefreshes: Int?
    public var remainingRefreshes: Int?
    /// When Finch allows the next refresh, as it sent it (ISO 8601).
    public var retryAt: String?
    public var requestID: RequestID?
    /// Why it ended as it did (Finch's message, the note of a skip).
    public var message: String?

    public init(
        refreshID: Int64? = nil, connectionID: ConnectionID, jobID: String? = nil, requestedAt: Date,
        updatedAt: Date? = nil, status: RefreshJobStatus, allowedRefreshes: Int? = nil,
        remainingRefreshes: Int? = nil, retryAt: String? = nil, requestID: RequestID? = nil,
        message: String? = nil
    ) {
        self.refreshID = refreshID
        self.connectionID = connectionID
        self.jobID = jobID
        self.requestedAt = requestedAt
        self.updatedAt = updatedAt ?? requestedAt
        self.status = status
        self.allowedRefreshes = allowedRefreshes
        self.remainingRefreshes = remainingRefreshes
        self.retryAt = retryAt
        self.requestID = requestID
        self.message = message
    }

    /// `retry_at` read as a time; nil when absent or unreadable.
    public var retryTime: Date? {
        retryAt.flatMap(UTCTimestamp.init(iso:)).map {
            Date(timeIntervalSince1970: TimeInterval($0.secondsSinceEpoch))
        }
    }

    /// Whether the stored quota forbids asking before `retry_at` (API.md §9: never exceed it).
    public func quotaSpent(at now: Date) -> Bool {
        guard remainingRefreshes == 0, let retry = retryTime else { return false }
        return retry > now
    }
}
