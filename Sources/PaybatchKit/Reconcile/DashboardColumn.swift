/// The columns of Finch Dashboard's connections export (SPEC §5, `--connections`).
public enum DashboardColumn: String, ProfileColumn {
    case connectionID = "connection_id"
    case companyID = "company_id"
    case providerID = "provider_id"
    case customerID = "customer_id"
    case status
    case createdAt = "created_at"
    case disconnectedAt = "disconnected_at"

    public static let profileFileName = "dashboard_connections.json"
    public static let inputName = "connections export"
}
