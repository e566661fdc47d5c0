import Foundation

/// One person of one connection: directory, individual and employment merged (employees.csv).
public struct EmployeeRow: Sendable, Equatable {
    public var identity: ConnectionIdentity
    public var individualID: IndividualID
    public var sourceID: String?
    public var firstName: String?
    public var middleName: String?
    public var lastName: String?
    public var preferredName: String?
    public var workEmail: String?
    public var personalEmail: String?
    public var title: String?
    public var department: String?
    public var managerID: IndividualID?
    public var employmentType: String?
    public var employmentSubtype: String?
    public var employmentStatus: String?
    public var isActive: Bool?
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var latestRehireDate: CalendarDate?
    public var flsaStatus: String?
    public var incomeAmount: Cents?
    public var incomeCurrency: String?
    public var incomeUnit: String?
    public var incomeEffectiveDate: CalendarDate?
    public var workCity: String?
    public var workState: String?
    public var workCountry: String?
}

/// One payroll run with its pay date in the period (payments.csv).
public struct PaymentRow: Sendable, Equatable {
    public var identity: ConnectionIdentity
    public var paymentID: PaymentID
    public var payDate: CalendarDate?
    public var debitDate: CalendarDate?
    public var periodStart: CalendarDate?
    public var periodEnd: CalendarDate?
    public var currency: String?
    public var grossPay: Cents?
    public var netPay: Cents?
    public var employerTaxes: Cents?
    public var employeeTaxes: Cents?
    public var companyDebit: Cents?
    public var individualCount: Int?
    /// Joined with `;` (SPEC §8).
    public var payFrequencies: String?
    public var payStatementsStatus: PayStatementsStatus
}

/// What became of a payment's statements (SPEC §8 `pay_statements_status`).
public enum PayStatementsStatus: String, Sendable, Codable {
    case complete, pending, partial, failed, none
}

/// One person's pay statement in one payment (pay_statements.csv).
public struct PayStatementRow: Sendable, Equatable {
    public var identity: ConnectionIdentity
    public var paymentID: PaymentID
    public var payDate: CalendarDate?
    public var individualID: IndividualID?
    public var type: String?
    public var paymentMethod: String?
    public var totalHours: Decimal?
    public var currency: String?
    public var grossPay: Cents?
    public var netPay: Cents?
    /// Sums of the amounts present; nil when no line had an amount (SPEC §8).
    public var earnings: Cents?
    public var employeeTaxes: Cents?
    public var employerTaxes: Cents?
    public var employeeDeductions: Cents?
    public var employerContributions: Cents?
}

/// One earning, tax, deduction or contribution line, in the order the provider gave them.
public struct PayStatementLineRow: Sendable, Equatable {
    public enum Category: String, Sendable, Codable {
        case earning, tax
        case employeeDeduction = "employee_deduction"
        case employerContribution = "employer_contribution"
    }

    public var identity: ConnectionIdentity
    public var paymentID: PaymentID
    public var individualID: IndividualID?
    public var payDate: CalendarDate?
    public var category: Category
    public var type: String?
    public var name: String?
    public var amount: Cents?
    public var currency: String?
    public var hours: Decimal?
    public var employer: Bool?
    public var preTax: Bool?
}
