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
