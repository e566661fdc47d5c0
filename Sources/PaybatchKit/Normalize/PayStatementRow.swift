import Foundation

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
