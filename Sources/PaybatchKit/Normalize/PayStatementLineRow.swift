import Foundation

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
