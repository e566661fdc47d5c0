import Foundation
import Testing

@testable import PaybatchKit

/// Issue 19 item 13: the Summary says why a connection is not ok — pending payments, Finch's code
/// and message with the request id, its findings — instead of pointing at run.json.
@Suite struct ConnectionWhyTests {
    func outcome(_ status: ExportStatus) -> ConnectionOutcome {
        let record = ConnectionRecord(
            connectionID: "c1", customerID: "cu", details: ConnectionDetails(status: .connected),
            addedAt: Date())
        var outcome = ConnectionOutcome(record: record, customerName: "Acme", recorded: nil)
        outcome.status = status
        return outcome
    }

    @Test func aFailedConnectionGivesFinchsCodeMessageAndRequestID() {
        var failed = outcome(.failed)
        failed.errors = [
            FinchFailure(
                failureClass: FailureClass(
                    code: "server_error", retryable: true, scope: .connection, remedy: ""),
                endpoint: .payment, httpStatus: 503, name: "server_error", finchCode: "provider_unavailable",
                requestID: "req-123", message: "ADP did not answer")
        ]
        let why = failed.why(findings: [])
        #expect(why.contains("HTTP 503 provider_unavailable — ADP did not answer (request id req-123)"))
        #expect(why.contains(FinchEndpoint.payment.rawValue))
    }

    @Test func aPartialConnectionGivesItsPendingPaymentsAndFindings() {
        var partial = outcome(.partial)
        partial.pendingPayments = ["p1", "p2", "p3", "p4"]
        let note = DataQualityRow(
            identity: partial.identity, report: "payments", column: "payments", check: "product_not_granted")
        let why = partial.why(findings: [note, note])
        #expect(why.contains("4 payments still syncing at Finch (statements pending): p1, p2, p3 and 1 more"))
        #expect(why.contains("findings on the Findings sheet: product_not_granted ×2"))
        #expect(outcome(.ok).why(findings: []).isEmpty)
    }
}
