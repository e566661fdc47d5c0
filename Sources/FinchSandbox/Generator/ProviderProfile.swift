/// One simulated payroll provider and its pattern of gaps and oddities (API.md §13).
public struct ProviderProfile: Sendable {
    /// How a provider reports hours for salaried staff.
    enum SalariedHours: Sendable { case perPeriod, zero, null }

    public let id: String
    public let displayName: String
    let salariedHours: SalariedHours
    /// Inserts `null` elements into earnings and phone number lists.
    let nullListElements: Bool
    /// Leaves `amount` out of employer taxes and some employer contributions.
    let omitsEmployerAmounts: Bool
    /// Writes pay statement type "regular" as Finch's own 2024 examples do (an unknown enum value).
    let writesRegularType: Bool
    /// `middle_name` and `dob` are always null.
    let nullMiddleNameAndDOB: Bool
    /// Leaves the `emails` key out and sometimes `is_active` null.
    let sparseContact: Bool
    /// Income reported per pay period instead of per year.
    let incomePerPeriod: Bool
    /// Individual ids begin with zeros.
    let leadingZeroIDs: Bool
    /// Pay statements answer item 202 `data_sync_in_progress` for recent payments.
    public let statementsSyncLazily: Bool

    static let gusto = ProviderProfile(
        id: "gusto", displayName: "Gusto", salariedHours: .perPeriod, nullListElements: false,
        omitsEmployerAmounts: false, writesRegularType: false, nullMiddleNameAndDOB: false,
        sparseContact: false, incomePerPeriod: false, leadingZeroIDs: false, statementsSyncLazily: false)
    static let adp = ProviderProfile(
        id: "adp_workforce_now", displayName: "ADP Workforce Now", salariedHours: .zero,
        nullListElements: false, omitsEmployerAmounts: false, writesRegularType: false,
        nullMiddleNameAndDOB: true, sparseContact: false, incomePerPeriod: false, leadingZeroIDs: false,
        statementsSyncLazily: true)
    static let paychex = ProviderProfile(
        id: "paychex_flex", displayName: "Paychex Flex", salariedHours: .null, nullListElements: true,
        omitsEmployerAmounts: false, writesRegularType: false, nullMiddleNameAndDOB: false,
        sparseContact: false, incomePerPeriod: true, leadingZeroIDs: true, statementsSyncLazily: false)
    static let bamboo = ProviderProfile(
        id: "bamboo_hr", displayName: "BambooHR", salariedHours: .perPeriod, nullListElements: false,
        omitsEmployerAmounts: false, writesRegularType: true, nullMiddleNameAndDOB: false,
        sparseContact: true, incomePerPeriod: false, leadingZeroIDs: false, statementsSyncLazily: false)
    static let rippling = ProviderProfile(
        id: "rippling", displayName: "Rippling", salariedHours: .perPeriod, nullListElements: true,
        omitsEmployerAmounts: true, writesRegularType: false, nullMiddleNameAndDOB: false,
        sparseContact: false, incomePerPeriod: false, leadingZeroIDs: false, statementsSyncLazily: false)
    static let justworks = ProviderProfile(
        id: "justworks", displayName: "Justworks", salariedHours: .perPeriod, nullListElements: false,
        omitsEmployerAmounts: false, writesRegularType: false, nullMiddleNameAndDOB: false,
        sparseContact: false, incomePerPeriod: false, leadingZeroIDs: false, statementsSyncLazily: false)

    /// Every simulated provider, in `/providers` order.
    public static let all: [ProviderProfile] = [adp, bamboo, gusto, justworks, paychex, rippling]

    /// The profile of `id` (unknown ids behave like Gusto).
    static func named(_ id: String) -> ProviderProfile { all.first { $0.id == id } ?? gusto }
}
