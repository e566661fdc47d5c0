import Foundation
import Testing

@testable import FinchSandbox

@Suite struct FaultAndDeterminismTests {
    @Test func sameSeedSameBodiesAndRequestIDs() {
        func transcript(_ seed: UInt64) -> [String] {
            let sandbox = TestSandbox(seed: seed)
            let token = sandbox.connection(.normal, provider: "paychex_flex").accessToken
            let responses = [
                sandbox.get("/introspect", token: token), sandbox.get("/employer/directory", token: token),
                sandbox.get(
                    "/employer/payment", query: "start_date=2026-09-01&end_date=2026-10-31", token: token),
                sandbox.get("/employer/directory", token: token),
            ]
            return responses.map { ($0.header("Finch-Request-Id") ?? "") + $0.text }
        }
        let first = transcript(1)
        #expect(first == transcript(1))
        #expect(first != transcript(2))
        // The same request twice still gets two request ids.
        #expect(first[1].prefix(36) != first[3].prefix(36))
    }

    @Test func faultPlanParses() throws {
        let plan = try FaultPlan(
            parsing: "500=0.02,502=0.01,429=0.01,timeout=0.005,truncate=0.001,slow=0.01:800")
        #expect(plan.probabilities[.serverError] == 0.02)
        #expect(plan.slowMilliseconds == 800)
        #expect(throws: FaultPlanError.self) { try FaultPlan(parsing: "404=0.1") }
        #expect(throws: FaultPlanError.self) { try FaultPlan(parsing: "500=0.8,502=0.5") }
    }

    @Test func faultsReplayAndAreCounted() throws {
        let plan = try FaultPlan(parsing: "500=0.2,502=0.1,429=0.1,timeout=0.05,truncate=0.05,slow=0.05:5")
        func run() -> ([String], SandboxCounters) {
            let sandbox = TestSandbox(faults: plan)
            let token = sandbox.connection(.normal, provider: "gusto").accessToken
            let outcomes = (0..<200).map { i -> String in
                let r = sandbox.get("/employer/directory", query: "limit=5&offset=\(i % 7)", token: token)
                return "\(r.status) \(r.delivery)"
            }
            return (outcomes, sandbox.engine.counters())
        }
        let (a, countersA) = run()
        let (b, countersB) = run()
        #expect(a == b)
        #expect(countersA == countersB)
        let faults = countersA.buckets["directory"]?.faults ?? [:]
        #expect(faults["500", default: 0] > 10)
        #expect(a.filter { $0.hasPrefix("500") }.count == faults["500"])
        #expect(a.contains { $0.hasSuffix("hang") })
        #expect(a.contains { $0.hasSuffix("truncated") })
    }
}
