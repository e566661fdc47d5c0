/// A batch answer, `{"responses": [...]}`: HTTP 200 even when items fail, each item with its own
/// code (API.md §5). Items are matched by id, never by position.
public struct BatchResponse<Body: Decodable & Sendable>: Decodable, Sendable {
    @Lenient public var responses: WireList<BatchItem<Body>>?
    enum CodingKeys: String, CodingKey { case responses }

    public var items: [BatchItem<Body>] { responses?.present ?? [] }
}
