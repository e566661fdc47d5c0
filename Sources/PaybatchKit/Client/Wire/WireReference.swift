/// `{id}` of a manager.
public struct WireReference: Decodable, Sendable, Equatable {
    @Lenient public var id: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id }
}
