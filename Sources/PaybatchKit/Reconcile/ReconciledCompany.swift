/// One company's row: its category, the totals behind it and what to do.
public struct ReconciledCompany: Sendable, Equatable {
    /// company_id, or `connection:<id>` for a connection billed alone that no input places.
    public var key: String
    public var companyID: CompanyID?
    /// The roster's customers of its connections (usually one), sorted, with their names.
    public var customers: [ReconciledCustomer]
    public var category: ReconciliationCategory
    public var flags: Set<ReconciliationFlag>
    public var billedQuantity: Int64
    public var billableConnections: Int64
    public var billedAmount: Cents
    /// Billable connections × unit price; nil when no unit price is known.
    public var expectedAmount: Cents?
    /// Billed − expected; nil with expected.
    public var variance: Cents?
    public var unitPrice: Cents?
    public var currency: String?
    public var connectionIDs: [ConnectionID]
    public var providers: [ProviderID]
    public var action: ReconciliationAction
    public var message: String
}

extension ReconciledCompany: ReportRow {
    public func cell(_ field: ReconciliationCompaniesField) -> Cell {
        switch field {
        case .companyID: return Cell(companyID)
        case .customerID:
            return Cell(customers.isEmpty ? nil : customers.map(\.id.rawValue).joined(separator: ";"))
        case .customerName:
            let names = customers.compactMap(\.name)
            return Cell(names.isEmpty ? nil : names.joined(separator: "; "))
        case .category: return .text(category.rawValue)
        case .flags: return Cell(flags.isEmpty ? nil : flags.sorted().map(\.rawValue).joined(separator: ";"))
        case .action: return Cell(action == .none ? nil : action.rawValue)
        case .billedQuantity: return .integer(billedQuantity)
        case .billableConnections: return .integer(billableConnections)
        case .billedAmount: return .money(billedAmount)
        case .expectedAmount: return Cell(expectedAmount)
        case .variance: return Cell(variance)
        case .currency: return Cell(currency)
        case .connectionIDs:
            return Cell(connectionIDs.isEmpty ? nil : connectionIDs.map(\.rawValue).joined(separator: ";"))
        case .providers:
            return Cell(providers.isEmpty ? nil : providers.map(\.rawValue).joined(separator: ";"))
        case .message: return Cell(message.isEmpty ? nil : message)
        }
    }
}
