import Foundation
import Testing

@testable import PaybatchKit

/// Cases the money properties found (`MoneyPropertyTests`), shrunk, kept by name.
@Suite("Money regressions")
struct MoneyRegressionTests {
    private let payroll = PayrollNormalizer(
        identity: ConnectionIdentity(customerID: "c", companyID: nil, connectionID: "conn", providerID: nil))

    /// Shrunk from seed `QC5aT8zQ9DXA8LsyQfBlBBXs7lTX0RAlY1Ykf9BMsTk=`: a running 64-bit sum passes
    /// Int64.min after the second line, and the third brings it back. Summing with `Cents.adding`
    /// left the total empty (and noted out of range); its exact value fits, and is written.
    @Test("a total whose running sum passes the 64-bit range and comes back is exact")
    func runningSumPassingTheRangeAndBack() throws {
        let statement = try JSONDecoder().decode(
            WirePayStatement.self,
            from: Data(
                #"{"employer_contributions":[{"amount":-2},{"amount":-9223372036854775807},{"amount":5000000000000000000}]}"#
                    .utf8))
        var notes = DataNotes()
        let row = payroll.statement(statement, payment: "p", payDate: nil, notes: &notes).row
        #expect(row.employerContributions == Cents(-4_223_372_036_854_775_809))
        #expect(
            notes.count("amount_out_of_range", report: "pay_statements", column: "employer_contributions")
                == 0)
        // The same lines in another order, which never leaves the range, give the same total.
        var sum = OptionalSum()
        for amount: Int64 in [5_000_000_000_000_000_000, -2, -9_223_372_036_854_775_807] {
            sum.add(Cents(amount))
        }
        #expect(sum.sum == row.employerContributions)
    }
}
