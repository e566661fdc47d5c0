/// A configured amount: a deduction or a contribution. `fixed` amounts are cents, `percent`
/// amounts basis points (100 = 1 %); a `match` or `tiered` contribution has tiers instead.
public struct WireBenefitAmount: Decodable, Sendable, Equatable {
    @Lenient public var type: String?
    @Lenient public var amount: WireCents?
    @Lenient public var tiers: WireList<Tier>?

    enum CodingKeys: String, CodingKey { case type, amount, tiers }

    /// One tier of a match formula; both numbers in basis points (API.md §6.1).
    public struct Tier: Decodable, Sendable, Equatable {
        @Lenient public var match: WireCents?
        @Lenient public var threshold: WireCents?
        enum CodingKeys: String, CodingKey { case match, threshold }
    }

    /// A match formula with tiers, which the check reports and does not judge.
    public var isTiered: Bool { type == "tiered" || type == "match" || !(tiers?.present.isEmpty ?? true) }
}
