import Foundation
import Testing

@testable import PaybatchKit

/// Issue 19 item 19: what paybatch prints for people says "1 connection" and "1,234.56 USD".
@Suite struct WordingTests {
    @Test func countsAgreeInNumberAndAreGrouped() {
        #expect(Wording.count(1, "connection") == "1 connection")
        #expect(Wording.count(0, "connection") == "0 connections")
        #expect(Wording.count(1204, "pay statement") == "1,204 pay statements")
        #expect(Wording.count(1, "company", plural: "companies") == "1 company")
        #expect(Wording.count(2, "person", plural: "people") == "2 people")
        #expect(Wording.money(Cents(123_456_789), "USD") == "1,234,567.89 USD")
        #expect(Wording.money(nil, "USD") == "unknown USD")
    }

    @Test func theExportTotalsLineKeepsCurrenciesApart() {
        let record = ConnectionRecord(
            connectionID: "c1", customerID: "cu", details: ConnectionDetails(status: .connected),
            addedAt: Date())
        var outcome = ConnectionOutcome(record: record, customerName: "Acme", recorded: nil)
        outcome.status = .ok
        outcome.individuals = 1
        outcome.payStatements = 1204
        outcome.totals.add(currency: "USD", gross: Cents(123_456_789), net: Cents(100_000))
        outcome.totals.add(currency: "CAD", gross: Cents(5_000), net: nil)
        let result = ExportResult(
            runID: "r", exitStatus: .ok, folder: "out", files: [], outcomes: [outcome], tally: .none)
        #expect(
            result.totalsLine
                == "1 person; 1,204 pay statements; gross pay 50.00 CAD, 1,234,567.89 USD; net pay unknown CAD, 1,000.00 USD"
        )
        #expect(result.statusLine == "1 ok (1 connection)")
    }
}
