/// `Income`: an amount as the provider reports it, per `unit` — not necessarily yearly.
public struct WireIncome: Decodable, Sendable, Equatable {
    @Lenient public var unit: IncomeUnit?
    @Lenient public var amount: WireCents?
    @Lenient public var currency: String?
    @Lenient public var effectiveDate: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case unit, amount, currency
        case effectiveDate = "effective_date"
    }
}
