/// `POST /employer/pay-statement` body: up to 10 payments, each at one offset and page size.
public struct PayStatementBatchRequest: Encodable, Sendable {
    public var requests: [Item]

    public struct Item: Encodable, Sendable, Equatable {
        public var paymentID: String
        public var limit: Int
        public var offset: Int
        enum CodingKeys: String, CodingKey {
            case limit, offset
            case paymentID = "payment_id"
        }
        public init(paymentID: PaymentID, limit: Int, offset: Int) {
            self.paymentID = paymentID.rawValue
            self.limit = limit
            self.offset = offset
        }
    }

    public init(requests: [Item]) { self.requests = requests }
}
