import Foundation

/// The answers of person-batch calls (`/employer/individual`, `/employer/employment`), each person
/// decoded only when asked for, by id: a batch of ten thousand is never held decoded. Bodies are
/// read by hand (`SliceReadable`), with the values Foundation's decoder would give.
public struct PersonAnswers<Body: Decodable & Sendable>: Sendable {
    private struct Call: Sendable {
        var batch: SlicedBatch
        var response: FinchResponse
        var asked: Set<IndividualID>
        /// The first answer for each id (a second one is ignored, as `BatchMatching` does).
        var positions: [IndividualID: Int]
    }

    private var calls: [Call] = []

    public init() {}

    /// Adds one call's answer to the ids it asked for.
    public mutating func append(_ batch: SlicedBatch, response: FinchResponse, asked: [IndividualID]) {
        var positions: [IndividualID: Int] = [:]
        for (index, item) in batch.items.enumerated() {
            if let id = item.id, positions[IndividualID(id)] == nil { positions[IndividualID(id)] = index }
        }
        calls.append(Call(batch: batch, response: response, asked: Set(asked), positions: positions))
    }

    /// The answers of `ids`, asked `perCall` at a time: `call` answers each chunk in turn — from
    /// Finch, or from a stored run; a 202 stops at that chunk.
    static func batches(
        _ ids: [IndividualID], perCall: Int, call: ([IndividualID]) async throws -> FinchResponse
    ) async throws -> DataFetch<PersonAnswers> {
        var answers = PersonAnswers()
        for chunk in ids.chunked(perCall) {
            let response = try await call(chunk)
            if response.isPending { return .pending(response.requestID) }
            let batch = try response.decode { body throws(JSONSlices.SyntaxError) in try SlicedBatch(body) }
            answers.append(batch, response: response, asked: chunk)
        }
        return .ok(answers)
    }

    /// The answers for `ids`, decoded now; an id its call asked for and Finch left out is a
    /// failure; a later call's answer for an id wins over an earlier one's.
    public func results(for ids: [IndividualID]) -> [IndividualID: ItemResult<Body>] {
        let decoder = JSONDecoder()
        var results: [IndividualID: ItemResult<Body>] = [:]
        for call in calls {
            let asked = ids.filter(call.asked.contains)
            guard !asked.isEmpty else { continue }
            let items = call.batch.slices.bytes.withUnsafeBytes { buffer in
                let fields = JSONFieldReader(
                    buffer: buffer, decoder: decoder, extents: call.batch.slices.extents)
                return asked.compactMap { id in
                    call.positions[id].map { position in
                        call.batch.item(call.batch.items[position], decoder: decoder) { read($0, fields) }
                    }
                }
            }
            results.merge(BatchMatching.match(items, asked: asked, response: call.response)) { $1 }
        }
        return results
    }

    /// A body read by hand when its type is `SliceReadable` (the people are), else by
    /// Foundation's decoder, as `Lenient` reads it.
    private func read(_ range: Range<Int>, _ fields: JSONFieldReader) -> Body? {
        guard let readable = Body.self as? any SliceReadable.Type else {
            return fields.foundation(Lenient<Body>.self, at: range)?.wrappedValue
        }
        return fields.value(readable, at: range) as? Body
    }
}
