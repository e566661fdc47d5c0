/// The columns of payments.csv: one row per payment with its pay date in the period (SPEC §4).
public enum PaymentsField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case companyID = "company_id"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case providerID = "provider_id"
    case paymentID = "payment_id"
    case payDate = "pay_date"
    case debitDate = "debit_date"
    case periodStart = "period_start"
    case periodEnd = "period_end"
    case currency
    case grossPay = "gross_pay"
    case netPay = "net_pay"
    case employerTaxes = "employer_taxes"
    case employeeTaxes = "employee_taxes"
    case companyDebit = "company_debit"
    case individualCount = "individual_count"
    case payFrequencies = "pay_frequencies"
    case payStatementsStatus = "pay_statements_status"

    public static let reportName = "payments"

    public var type: CellType {
        switch self {
        case .customerName, .entityName: return .text
        case .customerID, .companyID, .connectionID, .entityID, .providerID, .paymentID: return .id
        case .payDate, .debitDate, .periodStart, .periodEnd: return .date
        case .currency, .payFrequencies, .payStatementsStatus: return .text
        case .grossPay, .netPay, .employerTaxes, .employeeTaxes, .companyDebit: return .money
        case .individualCount: return .integer
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
        case .providerID: return "The provider."
        case .paymentID: return "Finch's id of the payroll run."
        case .payDate: return "The pay date."
        case .debitDate: return "The date the company's account is debited."
        case .periodStart: return "First day of the pay period."
        case .periodEnd: return "Last day of the pay period."
        case .currency: return "gross_pay's currency, else net_pay's, upper-case."
        case .grossPay: return "Gross pay of the run."
        case .netPay: return "Net pay of the run."
        case .employerTaxes: return "Employer taxes of the run."
        case .employeeTaxes: return "Employee taxes of the run."
        case .companyDebit: return "The total debited from the company."
        case .individualCount: return "Number of people paid."
        case .payFrequencies: return "Pay frequencies, joined with ;."
        case .payStatementsStatus: return "complete, pending, partial, failed or none."
        }
    }
}
