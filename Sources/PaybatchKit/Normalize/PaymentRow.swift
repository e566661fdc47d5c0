import Foundation

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
