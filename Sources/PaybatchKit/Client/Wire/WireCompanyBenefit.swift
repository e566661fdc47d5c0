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
