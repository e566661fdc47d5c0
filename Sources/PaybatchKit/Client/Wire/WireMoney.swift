/// `Money`: integer cents and a currency, each possibly null; the whole object may be null too.
public struct WireMoney: Decodable, Sendable, Equatable {
    @Lenient public var amount: WireCents?
    @Lenient public var currency: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case amount, currency }

    public init(amount: Int64?, currency: String?) {
        self.amount = amount.map(WireCents.init)
        self.currency = currency
    }

    public var cents: Cents? { amount?.cents }
}
