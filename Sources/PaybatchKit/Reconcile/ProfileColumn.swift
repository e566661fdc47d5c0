/// The columns one kind of reconcile input has: the keys of its profile in `Templates/invoice/`.
public protocol ProfileColumn: RawRepresentable<String>, CaseIterable, Hashable, Sendable
where AllCases == [Self] {
    /// The profile's file name under `Templates/invoice/`.
    static var profileFileName: String { get }
    /// What the input is called in messages ("invoice").
    static var inputName: String { get }
}

/// The columns of Finch's invoice (SPEC §5 default profile).
public enum InvoiceColumn: String, ProfileColumn {
    case period
    case companyID = "company_id"
    case connectionID = "connection_id"
    case providerID = "provider_id"
    case quantity
    case unitPrice = "unit_price"
    case amount
    case currency
    case description

    public static let profileFileName = "invoice.json"
    public static let inputName = "invoice"
}

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
