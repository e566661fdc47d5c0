import Foundation
import Testing

@testable import PaybatchKit

@Suite("Reading a connection's answers")
struct ConnectionReaderTests {
    /// Regression: failed pay-statement items were recorded in a dictionary's order, which differs
    /// from one dictionary to the next: run.json listed a connection's errors in another order in
    /// each run, and a connection read from the store disagreed with its fetch.
    @Test("failed pay-statement items are recorded in the order of their payments")
    func statementFailuresInPaymentOrder() async throws {
        let ids = (1...8).map { "p\($0)" }
        let payments = ids.map { #"{"id":"\#($0)","pay_date":"2026-10-15"}"# }
        let items = ids.reversed().map { id in
            #"{"payment_id":"\#(id)","code":404,"body":{"code":404,"name":"not_found_error","#
                + #""finch_code":"payment_not_found","message":"Payment \#(id) not found"}}"#
        }
        let export = ScriptedExport(
            payments: "[" + payments.joined(separator: ",") + "]",
            statements: #"{"responses":[\#(items.joined(separator: ","))]}"#)
        let result = try await export.run()
        #expect(result.data.errors.map(\.message) == ids.map { "Payment \($0) not found" })
        #expect(result.data.statementResults.count == 8)
    }
}
