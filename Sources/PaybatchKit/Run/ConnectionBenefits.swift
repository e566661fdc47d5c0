/// What a connection's benefit reads gave (`--include benefits`): its benefits, in Finch's order,
/// and each one's enrollment items, as Finch answered them (`BenefitNormalizer` reads them).
/// Read live, so it is the configuration of the day it was read.
public struct ConnectionBenefits: Sendable {
    public var benefits: [WireCompanyBenefit] = []
    /// Per benefit id: the items of `GET /employer/benefits/{id}/individuals`.
    public var enrollments: [String: [WireBenefitEnrollment]] = [:]

    public init() {}
}
