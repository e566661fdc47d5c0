/// What one export run made of one connection, as the store keeps it: enough to render the
/// connection again without the network (`--offline`, `--only`) and to apply SPEC §8's re-run rule.
public struct RunConnectionRecord: Sendable, Equatable, Codable {
    public var status: ExportStatus
    /// `fetched`, or `reused` when its responses came from an earlier run.
    public var source: String
    public var errors: [FinchFailure]
    public var message: String?
    /// A multi-entity connection's entities, by id; nil for a connection of one entity (and in
    /// records of a paybatch before issue 21).
    public var entities: [RunEntityRecord]?

    public init(
        status: ExportStatus, source: String, errors: [FinchFailure] = [], message: String? = nil,
        entities: [RunEntityRecord]? = nil
    ) {
        self.entities = entities
        self.status = status
        self.source = source
        self.errors = errors
        self.message = message
    }
}
