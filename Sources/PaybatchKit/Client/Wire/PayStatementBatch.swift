import Foundation

/// A `POST /employer/pay-statement` answer read by its slices (API.md §4.2): each item's id, code
/// and paging, and where its statements lie in the bytes. Statements are decoded one at a time,
/// when asked for, so a page of thousands is never held decoded (issue 5).
public struct PayStatementBatch: Sendable {
    public let items: [BatchItem<PayStatementPage>]

    /// Reads the answer's outline; throws only when the body is not JSON at all. The shape is read
    /// as leniently as `BatchResponse`: what does not fit becomes an unreadable or missing item.
    public init(_ body: Data) throws(JSONSlices.SyntaxError) {
        let batch = try SlicedBatch(body)
        let decoder = JSONDecoder()
        items = batch.items.map { item in
            batch.item(item, decoder: decoder) { PayStatementPage(batch.slices, at: $0, decoder: decoder) }
        }
    }
}
