/// The columns of data_quality.csv: null profile, failed checks and data notes (SPEC §8).
public enum DataQualityField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case providerID = "provider_id"
    case report
    case column
    case rows
    case nulls
    case nullPct = "null_pct"
    case check
    case paymentID = "payment_id"
    case individualID = "individual_id"
    case expected
    case actual
    case difference
    /// Not in the default template: an export with `--include benefits` adds it (`ExportReports`).
    case message

    public static let reportName = "data_quality"

    public var type: CellType {
        switch self {
        case .customerID, .connectionID, .entityID, .providerID, .paymentID, .individualID: return .id
        case .customerName, .entityName, .report, .column, .check, .message: return .text
        case .rows, .nulls: return .integer
        case .nullPct: return .percent
        case .expected, .actual, .difference: return .decimal
        }
    }

    public var meaning: String {
        switch self {
        case .customerID: return "Our customer key."
        case .customerName: return "The customer's name in the roster."
        case .connectionID: return "Finch's connection id."
        case .entityID:
            return
                "The entity of a multi-entity connection (its EIN or company code); empty for a connection of one entity."
        case .entityName: return "The entity's name, as Finch lists it; empty for a connection of one entity."
        case .providerID: return "The provider."
        case .report: return "The table: employees, payments or pay_statements."
        case .column: return "The column profiled or checked."
        case .rows: return "Null profile: rows of the table for the connection."
        case .nulls: return "Null profile: empty cells in the column."
        case .nullPct: return "Null profile: nulls as a percentage of rows, one decimal."
        case .check: return "payment_vs_statements, or a data note's code (unknown_enum, null_list_element…)."
        case .paymentID: return "The payment checked."
        case .individualID: return "The person, for a finding about one pay statement."
        case .expected: return "Check: the payment's amount (a money cell)."
        case .actual: return "Check: the sum of its statements (money); data note: how many times (integer)."
        case .difference: return "Check: actual minus expected (money)."
        case .message:
            return
                "Benefit findings: what was found, with the configuration's date (added with --include benefits)."
        }
    }
}
