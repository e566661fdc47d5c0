import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Finch (or whatever stands in front of it) answering 200 with garbage during an export, on one
/// endpoint for one connection: that connection is `failed` with a message naming the endpoint
/// and the request id, the others are untouched, and every output is complete and readable.
/// (HostileInputTests covers the same garbage at `roster import`, where introspect sees it.)
@Suite("Finch answering garbage during an export, end to end", .serialized)
struct FinchGarbageEndToEndTests {
    @Test(
        "HTML, an empty body or JSON of the wrong shape fails one connection; exit 3 (not transient: a person must look)",
        arguments: ["html", "empty", "shape"])
    func garbageOnOneEndpointFailsOneConnection(kind: String) async throws {
        var plan = try FaultPlan(parsing: "\(kind)=1")
        plan.paths = ["/employer/directory"]
        let outcome = try await OneConnectionFault.run(plan)
        let error = try outcome.expectOnlyTheTargetFailed(on: "/employer/directory", exitCode: 3)
        #expect(error["http_status"] as? Int == 200)
        #expect(error["code"] as? String == "malformed_response")
        let message = try #require(error["message"] as? String)
        #expect(message.contains("/employer/directory"), "\(message)")
        #expect(
            try outcome.targetAttempts(on: .directory) == ["1"],
            "a 200 that cannot be read is not retried (SPEC §3 retries errors, not answers)")
        try outcome.expectCompleteReadableOutputs()
    }
}
