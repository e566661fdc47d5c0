/// One entity of a multi-entity connection, as `/introspect` lists it (API.md §2.5): an EIN or a
/// company code the connection covers, with a status of its own.
public struct WireEntity: Decodable, Sendable {
    @Lenient public var id: String?
    @Lenient public var name: String?
    @Lenient public var sourceID: String?
    @Lenient public var status: ConnectionStatusType?

    enum CodingKeys: String, CodingKey {
        case id, name, status
        case sourceID = "source_id"
    }
}
