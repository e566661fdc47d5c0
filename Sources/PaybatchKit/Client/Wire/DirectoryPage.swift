/// One page of `GET /employer/directory` (API.md §3.2).
public struct DirectoryPage: Decodable, Sendable {
    @Lenient public var paging: WirePaging?
    @Lenient public var individuals: WireList<DirectoryEntry>?

    enum CodingKeys: String, CodingKey { case paging, individuals }
}
