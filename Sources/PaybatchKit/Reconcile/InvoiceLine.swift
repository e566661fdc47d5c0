/// One line of Finch's invoice, as reconcile reads it.
public struct InvoiceLine: Sendable, Equatable {
    /// The line in the file, for messages.
    public var line: Int
    public var companyID: CompanyID?
    public var connectionID: ConnectionID?
    public var providerID: ProviderID?
    /// Connections billed; 1 when the column is absent or empty.
    public var quantity: Int64
    public var unitPrice: Cents?
    public var amount: Cents
    public var description: String?

    public init(
        line: Int, companyID: CompanyID? = nil, connectionID: ConnectionID? = nil,
        providerID: ProviderID? = nil, quantity: Int64 = 1, unitPrice: Cents? = nil, amount: Cents,
        description: String? = nil
    ) {
        self.line = line
        self.companyID = companyID
        self.connectionID = connectionID
        self.providerID = providerID
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.description = description
    }

    /// A line with neither id bills the account as a whole (SPEC §5 `account_total`).
    public var isAccountLevel: Bool { companyID == nil && connectionID == nil }
}
