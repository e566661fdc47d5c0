/// The columns of reconciliation.csv and the Companies sheet: one row per company (SPEC §5).
public enum ReconciliationCompaniesField: String, ReportField {
    case companyID = "company_id"
    case customerID = "customer_id"
    case customerName = "customer_name"
    case category
    case action
    case flags
    case billedQuantity = "billed_quantity"
    case billableConnections = "billable_connections"
    case billedAmount = "billed_amount"
    case expectedAmount = "expected_amount"
    case variance
    case currency
    case connectionIDs = "connection_ids"
    case providers
    case message

    public static let reportName = "reconciliation_companies"

    public var type: CellType {
        switch self {
        case .companyID, .connectionIDs, .customerID: return .id
        case .customerName, .category, .action, .flags, .currency, .providers, .message: return .text
        case .billedQuantity, .billableConnections: return .integer
        case .billedAmount, .expectedAmount, .variance: return .money
        }
    }

    public var meaning: String {
        switch self {
        case .companyID:
            return
                "Finch's company id; empty for a connection billed alone that no input places (see connection_ids)."
        case .customerID: return "The roster's customer ids of the company's connections, joined with ;."
        case .customerName: return "Their names in the roster, joined with ; ."
        case .category:
            return
                "matched, billed_not_in_roster, in_roster_not_billed, billed_after_disconnect, quantity_mismatch, amount_mismatch or non_production_billed."
        case .action: return "dispute (raise it with Finch), fix_roster (act on the roster), or empty."
        case .flags:
            return
                "reauth_required, multi_provider, duplicate_connection, billed_disconnected, disconnect_time_estimated, disconnect_time_unknown, not_in_roster, joined with ;."
        case .billedQuantity: return "Connections billed on the invoice."
        case .billableConnections: return "Connections billable in the period by the roster."
        case .billedAmount: return "Amount billed."
        case .expectedAmount:
            return "Billable connections times the unit price; empty when no price is known."
        case .variance: return "Billed minus expected."
        case .currency: return "The invoice's currency."
        case .connectionIDs: return "The company's connection ids, joined with ;."
        case .providers: return "The company's providers, joined with ;."
        case .message: return "What the category means here and what to do."
        }
    }
}
