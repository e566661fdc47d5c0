/// The columns of the reconciliation's Connections sheet: one row per connection (SPEC §5).
public enum ReconciliationConnectionsField: String, ReportField {
    case companyID = "company_id"
    case customerID = "customer_id"
    case customerName = "customer_name"
    case connectionID = "connection_id"
    case providerID = "provider_id"
    case clientType = "client_type"
    case status
    case addedAt = "added_at"
    case disconnectedAt = "disconnected_at"
    case disconnectSource = "disconnect_source"
    case inRoster = "in_roster"
    case billable
    case onInvoice = "on_invoice"
    case flags
    case entities

    public static let reportName = "reconciliation_connections"

    public var type: CellType {
        switch self {
        case .companyID, .connectionID, .providerID, .customerID: return .id
        case .customerName, .clientType, .status, .disconnectSource, .flags, .entities: return .text
        case .addedAt, .disconnectedAt: return .datetime
        case .inRoster, .billable, .onInvoice: return .boolean
        }
    }

    public var meaning: String {
        switch self {
        case .companyID: return "Finch's company id."
        case .connectionID: return "Finch's connection id."
        case .providerID: return "The provider."
        case .customerID: return "Our customer key, when the roster knows the connection."
        case .customerName: return "The customer's name in the roster."
        case .clientType: return "production, sandbox or development."
        case .status: return "The connection's status."
        case .addedAt: return "When Finch created the connection."
        case .disconnectedAt: return "When it was disconnected."
        case .disconnectSource:
            return
                "Where that time comes from: disconnect (roster disconnect), dashboard, or the source of an estimate."
        case .inRoster: return "Whether the roster holds it."
        case .billable: return "Whether it is billable for the period."
        case .onInvoice: return "Whether the invoice bills it."
        case .flags: return "Flags of the connection, joined with ;."
        case .entities:
            return
                "A multi-entity connection's entities (name (id): status), from its last introspection; billed once, as one connection."
        }
    }
}
