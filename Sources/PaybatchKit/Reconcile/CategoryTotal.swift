/// One category's line in the Summary and in reconciliation.json's `categories`.
public struct CategoryTotal: Sendable, Equatable {
    public var companies: Int
    public var billed: Cents
    /// nil when a company of the category has billable connections but no unit price.
    public var expected: Cents?
}
