import Foundation

/// The data body of one pay-statement item: one page of one payment's statements, undecoded.
public struct PayStatementPage: Sendable {
    public let paging: WirePaging?
    private let slices: JSONSlices
    /// Where each element of `pay_statements` lies; nil when the page has no such array.
    private let statements: [Range<Int>]?

    init?(_ slices: JSONSlices, at body: Range<Int>, decoder: JSONDecoder) {
        guard let members = slices.members(of: body) else { return nil }
        func field(_ key: String) -> Range<Int>? { JSONSlices.value(key, in: members) }
        self.slices = slices
        paging = slices.decode(WirePaging.self, at: field("paging"), with: decoder)
        statements = field("pay_statements").flatMap(slices.elements(of:))
    }

    /// How many elements the page's `pay_statements` has, null or unreadable ones included.
    public var count: Int { statements?.count ?? 0 }

    /// The statement at `index` (below `count`), decoded; nil when it is null or unreadable.
    public func statement(at index: Int) -> WirePayStatement? {
        decode(index..<(index + 1)).first
    }

    /// Hands the page's readable statements to `body`, at most `size` decoded at a time; answers
    /// how many elements were null or unreadable. The next chunk is decoded while `body` works on
    /// the current one: decoding is the larger half of the work, and there are two cores.
    @discardableResult
    public func forEachChunk(
        of size: Int, _ body: ([WirePayStatement]) async throws -> Void
    ) async rethrows -> Int {
        try await forEachChunk(of: size, readying: { $0 }) { if !$0.isEmpty { try await body($0) } }
    }

    /// As `forEachChunk(of:_:)`, each chunk first made ready by `ready`, beside `body`'s work on
    /// the chunk before: whatever of a statement's work needs none of `body`'s state goes there.
    @discardableResult
    func forEachChunk<Ready: Sendable>(
        of size: Int, readying ready: @escaping @Sendable ([WirePayStatement]) -> Ready,
        _ body: (Ready) async throws -> Void
    ) async rethrows -> Int {
        let chunks = stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
        guard let first = chunks.first else { return 0 }
        var current = read(first, ready)
        var missing = current.missing
        for range in chunks.dropFirst() {
            async let next = read(range, ready)
            try await body(current.ready)
            current = await next
            missing += current.missing
        }
        try await body(current.ready)
        return missing
    }

    private func read<Ready>(
        _ range: Range<Int>, _ ready: @Sendable ([WirePayStatement]) -> Ready
    ) -> (ready: Ready, missing: Int) {
        let statements = decode(range)
        return (ready(statements), range.count - statements.count)
    }

    /// The readable statements among elements `range`, read by hand (`SliceReadable`): the same
    /// values as `JSONSlices.decode` gives, without Foundation's decoder for the common cases.
    private func decode(_ range: Range<Int>) -> [WirePayStatement] {
        guard let statements else { return [] }
        return slices.bytes.withUnsafeBytes { buffer in
            let fields = JSONFieldReader(buffer: buffer, decoder: JSONDecoder(), extents: slices.extents)
            return range.compactMap { fields.value(WirePayStatement.self, at: statements[$0]) }
        }
    }
}
