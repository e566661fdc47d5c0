import Foundation
import PaybatchTestSupport
import Testing

@testable import FinchSandbox

/// `--faults-for` narrows faults to one connection's token, and the garbage kinds (`html`,
/// `empty`, `shape`) answer 200 with a body no client can read as Finch's JSON.
@Suite struct ConnectionFaultTests {
    @Test func faultsDrawnOnlyForTheNamedConnection() throws {
        var plan = try FaultPlan(parsing: "500=1")
        plan.connections = [TestSandbox().connection(.normal).connectionID]
        let sandbox = TestSandbox(faults: plan)
        let target = sandbox.connection(.normal)
        let other = sandbox.world.connections.first {
            $0.scenario == .normal && $0.connectionID != target.connectionID
        }!
        for _ in 0..<3 {
            #expect(sandbox.get("/employer/company", token: target.accessToken).status == 500)
            #expect(sandbox.get("/employer/company", token: other.accessToken).status == 200)
        }
        #expect(sandbox.get("/providers", token: nil).status == 200, "a tokenless request is not its")
        #expect(sandbox.engine.counters().buckets["company"]?.faults["500"] == 3)
    }

    @Test(arguments: ["html", "empty", "shape"])
    func garbageIsA200NoDecoderAccepts(kind: String) throws {
        let sandbox = TestSandbox(faults: try FaultPlan(parsing: "\(kind)=1"))
        let token = sandbox.connection(.normal).accessToken
        let company = sandbox.get("/employer/company", token: token)
        let payments = sandbox.get(
            "/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31", token: token)
        for answer in [company, payments] {
            #expect(answer.status == 200)
            #expect(answer.header("Finch-Request-Id")?.isEmpty == false)
        }
        switch kind {
        case "html":
            #expect(company.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(company.text.contains("<html>") && company.object == nil)
        case "empty":
            #expect(company.body.isEmpty && payments.body.isEmpty)
        default:
            // The company is an object, so its garbage is an array; the payments the reverse.
            #expect(company.object is [Any] && payments.object is [String: Any])
        }
    }

    @Test func theCommandLineTakesFaultsForAConnection() async throws {
        let help = try await PaybatchBinary.run(["sandbox", "--help"])
        #expect(help.stdout.contains("--faults-for"))
        #expect(help.stdout.contains("html, empty and shape"))
    }
}
