/// The columns of connections.csv: one row per exported connection (SPEC §4).
public enum ConnectionsField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case companyID = "company_id"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case providerID = "provider_id"
    case clientType = "client_type"
    case assisted
    case connectionStatus = "connection_status"
    case lastSuccessfulSync = "last_successful_sync"
    case dataRetrievedAt = "data_retrieved_at"
    case exportStatus = "export_status"
    case individuals
    case payments
    case payStatements = "pay_statements"
    case pendingPayments = "pending_payments"
    case errors
    case lastRequestID = "last_request_id"
    case message

    public static let reportName = "connections"

    public var type: CellType {
        switch self {
        case .customerID, .companyID, .connectionID, .entityID, .providerID, .lastRequestID: return .id
        case .customerName, .entityName, .clientType, .connectionStatus, .exportStatus, .message: return .text
        case .assisted: return .boolean
        case .lastSuccessfulSync, .dataRetrievedAt: return .datetime
        case .individuals, .payments, .payStatements, .pendingPayments, .errors: return .integer
        }
    }

    public var meaning: String {
        switch self {
        case .customerID: return "Our customer key, from the roster."
        case .customerName: return "Our customer's name, from the roster."
        case .companyID: return "Finch's company id of the connection."
        case .connectionID: return "Finch's connection id: the unit Finch bills on."
        case .entityID:
            return
                "The entity of a multi-entity connection (its EIN or company code); empty for a connection of one entity."
        case .entityName: return "The entity's name, as Finch lists it; empty for a connection of one entity."
        case .providerID: return "The payroll or HR provider, such as gusto."
        case .clientType: return "production, sandbox or development, from /introspect."
        case .assisted: return "Whether the connection is assisted (Finch's team syncs it)."
        case .connectionStatus:
            return "The connection's status from /introspect (connected, reauth, pending…)."
        case .lastSuccessfulSync: return "When Finch last synced the provider, from /introspect."
        case .dataRetrievedAt: return "The earliest Finch-Data-Retrieved among the responses used."
        case .exportStatus: return "ok, partial, pending, reauth_required, failed or not_fetched (SPEC §8)."
        case .individuals: return "People in the directory."
        case .payments: return "Payments with a pay date in the period."
        case .payStatements: return "Pay statements written."
        case .pendingPayments: return "Payments whose statements answered 202 data_sync_in_progress."
        case .errors: return "Errors recorded for the connection; 0 when none."
        case .lastRequestID:
            return "The Finch-Request-Id of the connection's last answered call, successful or not."
        case .message: return "What needs attention and what to do about it; empty when ok."
        }
    }
}
