/// `AutomatedAsyncJob` (API.md §11). `status` is kept as Finch sent it, unknown values included.
public struct WireAutomatedJob: Decodable, Sendable, Equatable {
    @Lenient public var jobID: String?
    @Lenient public var type: String?
    @Lenient public var status: String?
    @Lenient public var createdAt: String?
    @Lenient public var startedAt: String?
    @Lenient public var completedAt: String?

    enum CodingKeys: String, CodingKey {
        case type, status
        case jobID = "job_id"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case completedAt = "completed_at"
    }
}
