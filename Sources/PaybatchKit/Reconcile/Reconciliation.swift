/// The whole result of reconciling one invoice: every company and connection, the totals, and
/// the account-level check. Pure data; the writers turn it into files.
public struct Reconciliation: Sendable, Equatable {
    public var period: Period
    public var currency: String?
    /// `--unit-price`, else the invoice's own when every line agrees; nil otherwise.
    public var unitPrice: Cents?
    /// Where the unit price came from, for the Summary: `--unit-price`, `invoice`, or why none.
    public var unitPriceSource: String
    public var tolerance: Cents
    /// Sorted by company_id, then key (bytewise).
    public var companies: [ReconciledCompany]
    /// Sorted by company_id, then connection_id (bytewise).
    public var connections: [ReconciledConnection]
    /// The check of account-level lines; nil when the invoice has none.
    public var accountTotal: AccountTotal?
    public var billedTotal: Cents
    /// nil when some billable company has no known unit price.
    public var expectedTotal: Cents?
    /// Billed − expected; nil with expected. Computed (checked) by the reconciler, like every
    /// total here, so nothing downstream does money arithmetic.
    public var variance: Cents?
    /// Every category's totals, for the Summary and reconciliation.json.
    public var categories: [ReconciliationCategory: CategoryTotal]

    /// Everything matched within tolerance (exit 0), else discrepancies (exit 4).
    public var allMatched: Bool {
        companies.allSatisfy { $0.category == .matched } && (accountTotal?.matched ?? true)
    }
    public var exitStatus: ExitStatus { allMatched ? .ok : .discrepancies }

    /// Companies, billed and expected amounts of one category.
    public func total(of category: ReconciliationCategory) -> CategoryTotal {
        categories[category] ?? CategoryTotal(companies: 0, billed: .zero, expected: .zero)
    }
}
