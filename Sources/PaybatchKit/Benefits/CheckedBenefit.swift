/// One company benefit as the deduction check sees it (from `GET /employer/benefits`).
public struct CheckedBenefit: Sendable, Hashable {
    public var id: String
    /// Finch's `BenefitType`, which deduction lines carry too; nil when the provider gives none.
    public var type: String?
    /// `every_paycheck`, `monthly`, `one_time`, or nil.
    public var frequency: String?
    /// The employer's contribution follows a tiered match formula (on the benefit or on an
    /// enrollment): reported, never judged.
    public var contributionTiered: Bool

    public init(id: String, type: String?, frequency: String?, contributionTiered: Bool = false) {
        self.id = id
        self.type = type
        self.frequency = frequency
        self.contributionTiered = contributionTiered
    }
}
