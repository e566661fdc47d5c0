/// The columns of pay_statements.csv: one row per pay statement (SPEC §4).
public enum PayStatementsField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case companyID = "company_id"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case paymentID = "payment_id"
    case payDate = "pay_date"
    case individualID = "individual_id"
    case type
    case paymentMethod = "payment_method"
    case totalHours = "total_hours"
    case currency
    case grossPay = "gross_pay"
    case netPay = "net_pay"
    case earnings
    case employeeTaxes = "employee_taxes"
    case employerTaxes = "employer_taxes"
    case employeeDeductions = "employee_deductions"
    case employerContributions = "employer_contributions"

    public static let reportName = "pay_statements"

    public var type: CellType {
        switch self {
        case .customerName, .entityName: return .text
        case .customerID, .companyID, .connectionID, .entityID, .paymentID, .individualID: return .id
        case .payDate: return .date
        case .type, .paymentMethod, .currency: return .text
        case .totalHours: return .decimal
        case .grossPay, .netPay, .earnings, .employeeTaxes, .employerTaxes, .employeeDeductions,
            .employerContributions:
            return .money
        }
    }

    public var meaning: String {
        switch self {
        case .customerID: return "Our customer key."
        case .customerName: return "The customer's name in the roster."
        case .companyID: return "Finch's company id."
        case .connectionID: return "Finch's connection id."
        case .entityID:
            return
                "The entity of a multi-entity connection (its EIN or company code); empty for a connection of one entity."
        case .entityName: return "The entity's name, as Finch lists it; empty for a connection of one entity."
        case .paymentID: return "The payment the statement belongs to."
        case .payDate: return "The payment's pay date."
        case .individualID: return "The person paid."
        case .type: return "regular_payroll, off_cycle_payroll, one_time_payment… (unknown values kept)."
        case .paymentMethod: return "check or direct_deposit (unknown values kept)."
        case .totalHours: return "Hours worked, exact as sent."
        case .currency: return "The statement's currency, upper-case."
        case .grossPay: return "Gross pay."
        case .netPay: return "Net pay."
        case .earnings: return "Sum of the earnings amounts present; empty when none."
        case .employeeTaxes: return "Sum of the employee tax amounts present; empty when none."
        case .employerTaxes: return "Sum of the employer tax amounts present; empty when none."
        case .employeeDeductions: return "Sum of the employee deduction amounts present; empty when none."
        case .employerContributions:
            return "Sum of the employer contribution amounts present; empty when none."
        }
    }
}
