/// What one run made of one entity of a multi-entity connection, kept in its connection's record:
/// a render from the stored answers cannot know it where the fetch stopped (issue 21).
public struct RunEntityRecord: Sendable, Equatable, Codable {
    public var entity: ConnectionEntity
    public var status: ExportStatus
    public var errors: [FinchFailure]
    public var message: String?

    public init(
        entity: ConnectionEntity, status: ExportStatus, errors: [FinchFailure] = [], message: String? = nil
    ) {
        self.entity = entity
        self.status = status
        self.errors = errors
        self.message = message
    }
}
