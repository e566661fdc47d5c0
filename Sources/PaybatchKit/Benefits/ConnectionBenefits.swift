/// What a connection's benefit reads gave (`--include benefits`): its benefits, in Finch's order,
/// and each one's enrollment items. Read live, so it is the configuration of the day it was read.
public struct ConnectionBenefits: Sendable {
    public var benefits: [WireCompanyBenefit] = []
    /// Per benefit id: the items of `GET /employer/benefits/{id}/individuals`.
    public var enrollments: [String: [WireBenefitEnrollment]] = [:]

    public init() {}

    /// The configuration as the check takes it: a tiered match on an enrollment counts for its
    /// benefit; an item that answered an error is `unreadable`; a deduction of a kind other than
    /// fixed or percent, or without an amount, is none.
    public var check: BenefitCheck {
        var people: [String: [IndividualID: PersonEnrollment]] = [:]
        var tiered: Set<String> = []
        for (benefitID, items) in enrollments {
            var list: [IndividualID: PersonEnrollment] = [:]
            for item in items {
                guard let id = item.individualID, !id.isEmpty else { continue }
                guard item.isEnrolled, let body = item.body else {
                    list[IndividualID(id)] = .unreadable
                    continue
                }
                if body.companyContribution?.isTiered == true { tiered.insert(benefitID) }
                list[IndividualID(id)] = .enrolled(body.employeeDeduction.flatMap(Self.deduction))
            }
            people[benefitID] = list
        }
        let benefits = self.benefits.compactMap { benefit -> CheckedBenefit? in
            guard let id = benefit.benefitID else { return nil }
            return CheckedBenefit(
                id: id, type: benefit.type?.rawValue, frequency: benefit.frequency,
                contributionTiered: benefit.companyContribution?.isTiered == true || tiered.contains(id))
        }
        return BenefitCheck(benefits: benefits, enrollments: people)
    }

    /// A configured employee deduction, when it is one the check can compute.
    static func deduction(_ amount: WireBenefitAmount) -> ConfiguredDeduction? {
        guard let value = amount.amount?.cents else { return nil }
        switch amount.type {
        case "fixed": return .fixed(value)
        case "percent": return .percent(basisPoints: value.value)
        default: return nil
        }
    }
}
