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
