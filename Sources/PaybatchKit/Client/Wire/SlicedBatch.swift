import Foundation

/// A batch answer, `{"responses": [...]}` (API.md §5), read by its slices: each item's id and code
/// now, its body only when asked — so a batch of ten thousand people is decoded a few hundred at
/// a time, never whole. The shape is read as leniently as `BatchResponse`: an item that is not an
/// object is skipped, a missing field is nil.
public struct SlicedBatch: Sendable {
    /// One item before its body is read.
    public struct Item: Sendable {
        /// `individual_id` or `payment_id`, whichever the endpoint uses.
        public var id: String?
        public var code: Int?
        public var body: Range<Int>?
    }

    public let slices: JSONSlices
    public let items: [Item]

    /// Throws only when the body is not JSON at all.
    public init(_ body: Data) throws(JSONSlices.SyntaxError) {
        let slices = try JSONSlices(body)
        let decoder = JSONDecoder()
        let answers = slices.member("responses", of: slices.root).flatMap(slices.elements(of:)) ?? []
        self.slices = slices
        items = answers.compactMap { item in
            guard let members = slices.members(of: item) else { return nil }
            func field(_ key: String) -> Range<Int>? { JSONSlices.value(key, in: members) }
            return Item(
                id: slices.decode(String.self, at: field("individual_id"), with: decoder)
                    ?? slices.decode(String.self, at: field("payment_id"), with: decoder),
                code: slices.decode(Int.self, at: field("code"), with: decoder), body: field("body"))
        }
    }

    /// `item` with its body read by `data` (for code 200) or as Finch's error body.
    public func item<Body>(
        _ item: Item, decoder: JSONDecoder = JSONDecoder(), data: (Range<Int>) -> Body?
    ) -> BatchItem<Body> {
        BatchItem(
            id: item.id, code: item.code, data: item.body.flatMap(data),
            error: slices.decode(FinchErrorBody.self, at: item.body, with: decoder))
    }
}
