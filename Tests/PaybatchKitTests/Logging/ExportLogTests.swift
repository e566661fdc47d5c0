import Foundation
import Logging
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// The export's own events (`ExportLog`), beside the calls' (`CallLoggingTests`): each at its
/// level, with its facts as fields.
@Suite("Export log")
struct ExportLogTests {
    let error = FinchFailure(
        failureClass: FailureClass(
            code: "reauth_required", retryable: false, scope: .connection, remedy: "paybatch reauth"),
        endpoint: .company, httpStatus: 401, finchCode: "reauthenticate_user", requestID: RequestID("req-9"),
        message: "the connection must be reauthenticated")

    @Test func aConnectionErrorIsAWarningWithItsRequestAndCodes() throws {
        let log = InMemoryLog()
        ExportLog(logger: log.logger()).run("run-1").connectionError(
            error, connection: ConnectionID("conn-7"))
        let line = try #require(log.objects.first ?? nil)
        #expect(line["level"] as? String == "warning")
        #expect(line["message"] as? String == "reauth_required: the connection must be reauthenticated")
        #expect(line["connection_id"] as? String == "conn-7" && line["request_id"] as? String == "req-9")
        #expect(
            line["endpoint"] as? String == "/employer/company" && line["code"] as? String == "reauth_required"
        )
        #expect(
            line["finch_code"] as? String == "reauthenticate_user" && line["run_id"] as? String == "run-1")
    }

    @Test func aFetchedConnectionIsADebugLine() throws {
        let log = InMemoryLog()
        let export = ExportLog(logger: log.logger())
        export.connectionFetched(ConnectionID("conn-7"), status: .ok, reused: true)
        export.connectionFetched(ConnectionID("conn-8"), status: .failed, reused: false)
        let lines = log.objects.map { $0 ?? [:] }
        #expect(lines.map { $0["level"] as? String } == ["debug", "debug"])
        #expect(
            lines.map { $0["message"] as? String } == [
                "connection conn-7 fetched: ok (reused)", "connection conn-8 fetched: failed",
            ])
        #expect(lines.map { $0["connection_id"] as? String } == ["conn-7", "conn-8"])
    }
}
