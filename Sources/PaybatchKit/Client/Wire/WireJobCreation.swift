/// `POST /jobs/automated`'s answer (API.md §9, §11): the job started (200), the job already
/// running (202, no quota used) or the quota spent (429, no job, `retry_at`).
public struct WireJobCreation: Decodable, Sendable, Equatable {
    @Lenient public var jobID: String?
    @Lenient public var jobURL: String?
    @Lenient public var allowedRefreshes: Int?
    @Lenient public var remainingRefreshes: Int?
    /// ISO 8601, as Finch sent it.
    @Lenient public var retryAt: String?

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id"
        case jobURL = "job_url"
        case allowedRefreshes = "allowed_refreshes"
        case remainingRefreshes = "remaining_refreshes"
        case retryAt = "retry_at"
    }
}
