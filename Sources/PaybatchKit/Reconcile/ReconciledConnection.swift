/// One connection's detail row: what every input says of it, merged by SPEC §8's precedence.
public struct ReconciledConnection: Sendable, Equatable {
    /// The company it is reconciled under: its company_id, else `connection:<id>`.
    public var key: String
    public var companyID: CompanyID?
    public var connectionID: ConnectionID
    public var providerID: ProviderID?
    public var customerID: CustomerID?
    public var customerName: String?
    public var clientType: String?
    /// The roster's status, else the Dashboard's, else `unknown` (a connection only billed).
    public var status: String
    /// When Finch created it; nil = unknown (before every period).
    public var addedAt: UTCTimestamp?
    public var disconnectedAt: UTCTimestamp?
    /// Where the disconnect time came from: `disconnect` (roster disconnect), `dashboard`, or the
    /// store's source of an estimate.
    public var disconnectSource: String?
    public var inRoster: Bool
    public var onDashboard: Bool
    public var production: Bool
    /// Billable in the period by the billing window (for a connection the roster lacks: by what
    /// the Dashboard says of it).
    public var billable: Bool
    public var disconnectedBeforePeriod: Bool
    /// Connections an invoice line bills by this connection_id.
    public var billedQuantity: Int64
    /// Named on the invoice, or billed through its company's lines while billable.
    public var onInvoice: Bool
    public var flags: Set<ReconciliationFlag>
    /// A multi-entity connection's entities, as the roster last saw them (issue 21): Finch bills
    /// the connection once, whatever the number of its entities.
    public var entities: [ConnectionEntity] = []

    /// Live in the period for the flags: added before its end, not disconnected before its start.
    public var liveInPeriod: Bool
}

extension ReconciledConnection: ReportRow {
    public func cell(_ field: ReconciliationConnectionsField) -> Cell {
        switch field {
        case .companyID: return Cell(companyID)
        case .connectionID: return Cell(connectionID)
        case .providerID: return Cell(providerID)
        case .customerID: return Cell(customerID)
        case .customerName: return Cell(customerName)
        case .clientType: return Cell(clientType)
        case .status: return .text(status)
        case .addedAt: return Cell(addedAt)
        case .disconnectedAt: return Cell(disconnectedAt)
        case .disconnectSource: return Cell(disconnectSource)
        case .inRoster: return .boolean(inRoster)
        case .billable: return .boolean(billable)
        case .onInvoice: return .boolean(onInvoice)
        case .flags: return Cell(flags.isEmpty ? nil : flags.sorted().map(\.rawValue).joined(separator: ";"))
        case .entities:
            // Listed only for a connection of several: a single entity is the connection itself.
            return Cell(
                entities.count < 2
                    ? nil
                    : entities.map { "\($0.name ?? "unnamed") (\($0.id)): \($0.status)" }.joined(
                        separator: "; "))
        }
    }
}
