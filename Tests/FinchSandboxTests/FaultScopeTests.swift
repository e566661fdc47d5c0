import Foundation
import PaybatchTestSupport
import Testing

@testable import FinchSandbox

/// `--faults-on`: a fault plan narrowed to some paths leaves every other path alone, so a test can
/// exhaust the retries of one endpoint while the rest of an export succeeds.
@Suite struct FaultScopeTests {
    @Test func faultsDrawnOnlyForTheNamedPaths() throws {
        var plan = try FaultPlan(parsing: "500=1")
        plan.paths = ["/employer/payment"]
        let sandbox = TestSandbox(faults: plan)
        let token = sandbox.connection(.normal).accessToken
        for _ in 0..<5 {
            #expect(sandbox.get("/employer/company", token: token).status == 200)
            #expect(
                sandbox.get(
                    "/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31", token: token
                )
                .status == 500)
        }
        let counters = sandbox.engine.counters()
        #expect(counters.buckets["company"]?.faults.isEmpty == true)
        #expect(counters.buckets["payment"]?.faults["500"] == 5)
        #expect(plan.applies(to: "/employer/payment") && !plan.applies(to: "/introspect"))
        #expect(FaultPlan.none.applies(to: "/introspect"))
    }

    @Test func theCommandLineRefusesAFaultPathThatIsNotAPath() async throws {
        let result = try await PaybatchBinary.run([
            "sandbox", "--faults", "500=1", "--faults-on", "employer/payment",
        ])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--faults-on takes a request path"))
        let help = try await PaybatchBinary.run(["sandbox", "--help"])
        #expect(help.stdout.contains("--faults-on /employer/payment"))
    }
}
