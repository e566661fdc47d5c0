/// `CompanyBenefit`, an element of `GET /employer/benefits` (API.md §6.1). Read live from the
/// provider: today's configuration, not the period's.
public struct WireCompanyBenefit: Decodable, Sendable, Equatable {
    @Lenient public var benefitID: String?
    @Lenient public var description: String?
    /// `every_paycheck`, `monthly`, `one_time`, or null; unknown strings are kept.
    @Lenient public var frequency: String?
    @Lenient public var type: BenefitType?
    @Lenient public var companyContribution: WireBenefitAmount?

    enum CodingKeys: String, CodingKey {
        case description, frequency, type
        case benefitID = "benefit_id"
        case companyContribution = "company_contribution"
    }
}

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
