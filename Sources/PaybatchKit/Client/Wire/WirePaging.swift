/// `Paging`: `offset` always, `count` (the total) when Finch knows it.
public struct WirePaging: Decodable, Sendable, Equatable {
    @Lenient public var offset: Int?
    @Lenient public var count: Int?

    enum CodingKeys: String, CodingKey { case offset, count }
}
