/// Plans `/employer/pay-statement` calls as SPEC §8 counts them: round r asks for every payment
/// that still has statements past (r−1)·pageSize, `perCall` payments a call, one item per payment.
/// Rounds are never mixed, so the number of calls is exactly Σ_r ⌈k_r / perCall⌉.
public struct PayStatementRounds: Sendable {
    public let perCall: Int
    public let pageSize: Int
    private var current: [PayStatementBatchRequest.Item]
    private var following: [PayStatementBatchRequest.Item] = []
    private var offsets: [PaymentID: Int] = [:]

    public init(payments: [PaymentID], perCall: Int, pageSize: Int) {
        self.perCall = perCall
        self.pageSize = pageSize
        var seen = Set<PaymentID>()
        current = payments.filter { seen.insert($0).inserted }.map {
            PayStatementBatchRequest.Item(paymentID: $0, limit: pageSize, offset: 0)
        }
    }

    /// The items of the next call, or nil when every payment is complete.
    public mutating func nextCall() -> [PayStatementBatchRequest.Item]? {
        if current.isEmpty {
            current = following
            following = []
        }
        guard !current.isEmpty else { return nil }
        let call = Array(current.prefix(perCall))
        current.removeFirst(call.count)
        for item in call { offsets[PaymentID(item.paymentID)] = item.offset }
        return call
    }

    /// Records one payment's page; schedules the next page when the payment has more.
    public mutating func record(_ payment: PaymentID, received: Int, count: Int?) {
        guard let offset = offsets[payment],
            let next = DirectoryPaging.nextOffset(
                after: offset, received: received, count: count, pageSize: pageSize)
        else { return }
        following.append(PayStatementBatchRequest.Item(paymentID: payment, limit: pageSize, offset: next))
    }
}

extension PayStatementRounds {
    /// Every round of `payments`' statements: `call` answers each call's items in turn — from
    /// Finch, or from a stored run — and `read` takes each answer's pages as they come; a 202 stops
    /// at that call. Every asked payment ends `.ok(())` unless its item failed or is pending.
    static func read(
        _ payments: [PaymentID], perCall: Int, pageSize: Int,
        call: ([PayStatementBatchRequest.Item]) async throws -> FinchResponse,
        read: (FinchClient.PayStatementAnswer) async throws -> Void
    ) async throws -> DataFetch<[PaymentID: ItemResult<Void>]> {
        var rounds = PayStatementRounds(payments: payments, perCall: perCall, pageSize: pageSize)
        var results: [PaymentID: ItemResult<Void>] = [:]
        while let items = rounds.nextCall() {
            let response = try await call(items)
            if response.isPending { return .pending(response.requestID) }
            let batch = try response.decode { body throws(JSONSlices.SyntaxError) in
                try PayStatementBatch(body)
            }
            let asked = items.map { PaymentID($0.paymentID) }
            let matched = BatchMatching.match(batch.items, asked: asked, response: response)
            // In the order asked, not the dictionary's (which differs per process): the next round's
            // request body must be the same bytes in every run, or a resumed run misses its answers.
            var pages: FinchClient.PayStatementAnswer = []
            for payment in asked {
                guard let result = matched[payment] else { continue }
                guard case .ok(let page) = result else {
                    results[payment] = result.map { _ in () }
                    continue
                }
                pages.append((payment, page))
                rounds.record(payment, received: page.count, count: page.paging?.count)
            }
            if !pages.isEmpty { try await read(pages) }
        }
        for payment in payments where results[payment] == nil { results[payment] = .ok(()) }
        return .ok(results)
    }
}
