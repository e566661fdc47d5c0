/// The columns of pay_statement_lines.csv: one row per earning, tax, deduction or contribution (SPEC §4).
public enum PayStatementLinesField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case paymentID = "payment_id"
    case individualID = "individual_id"
    case payDate = "pay_date"
    case category
    case type
    case name
    case amount
    case currency
    case hours
    case employer
    case preTax = "pre_tax"

    public static let reportName = "pay_statement_lines"

    public var type: CellType {
        switch self {
        case .customerID, .connectionID, .entityID, .paymentID, .individualID: return .id
        case .payDate: return .date
        case .customerName, .entityName, .category, .type, .name, .currency: return .text
        case .amount: return .money
        case .hours: return .decimal
        case .employer, .preTax: return .boolean
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
        case .paymentID: return "The payment."
        case .individualID: return "The person."
        case .payDate: return "The payment's pay date."
        case .category: return "earning, tax, employee_deduction or employer_contribution."
        case .type: return "The line's type as the provider gave it (unknown values kept)."
        case .name: return "The line's name as the provider gave it."
        case .amount: return "The amount; empty when absent, never 0.00."
        case .currency: return "The amount's currency, upper-case."
        case .hours: return "Hours, for earnings that have them."
        case .employer: return "For taxes: whether the employer pays it."
        case .preTax: return "For deductions: whether it is pre-tax."
        }
    }
}
