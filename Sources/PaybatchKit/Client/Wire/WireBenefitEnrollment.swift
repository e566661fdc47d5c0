/// An item of `GET /employer/benefits/{id}/individuals` (API.md §6.1): a person's configuration
/// of one benefit, or a batch error (§5).
public struct WireBenefitEnrollment: Decodable, Sendable, Equatable {
    @Lenient public var individualID: String?
    @Lenient public var code: Int?
    @Lenient public var body: Body?

    enum CodingKeys: String, CodingKey {
        case code, body
        case individualID = "individual_id"
    }

    /// The configuration; an error item's body has none of these keys, so they read as nil.
    public struct Body: Decodable, Sendable, Equatable {
        @Lenient public var employeeDeduction: WireBenefitAmount?
        @Lenient public var companyContribution: WireBenefitAmount?
        @Lenient public var annualMaximum: WireCents?
        @Lenient public var catchUp: LenientBool?
        /// An error item's `finch_code`, when the item is one.
        @Lenient public var finchCode: String?

        enum CodingKeys: String, CodingKey {
            case employeeDeduction = "employee_deduction"
            case companyContribution = "company_contribution"
            case annualMaximum = "annual_maximum"
            case catchUp = "catch_up"
            case finchCode = "finch_code"
        }
    }

    /// The item answered with a configuration (code 200, or no code at all, as older answers).
    public var isEnrolled: Bool { (code ?? 200) == 200 && body != nil }
}
