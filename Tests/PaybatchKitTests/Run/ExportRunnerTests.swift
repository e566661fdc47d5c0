import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("Export against the sandbox", .serialized)
struct ExportRunnerTests {
    @Test func exportsEveryLiveConnectionWithTheSandboxTotals() async throws {
        let fixture = try await ExportFixture()
        defer { Task { await fixture.stop() } }
        let result = try await fixture.export()
        #expect(result.exitStatus == .partial)
        let names = Set(result.files.map(\.path))
        for name in [
            "connections.csv", "employees.csv", "payments.csv", "pay_statements.csv",
            "pay_statement_lines.csv",
            "data_quality.csv", "paybatch-2026-10.xlsx", "run.json",
        ] {
            #expect(names.contains(name), "\(name) missing")
        }
        let statuses = Dictionary(grouping: result.outcomes, by: \.status)
        #expect(statuses[.reauthRequired]?.count == 1)
        #expect(statuses[.pending]?.isEmpty == false)
        #expect((statuses[.ok]?.count ?? 0) >= 5)
        for outcome in result.outcomes where outcome.status == .ok {
            let expected = try #require(
                fixture.sandbox.world.expectedTotals(
                    connectionID: outcome.identity.connectionID.rawValue, period: "2026-10"))
            #expect(outcome.individuals == expected.individuals, "\(outcome.identity.connectionID)")
            #expect(outcome.payments == expected.payments)
            #expect(outcome.payStatements == expected.payStatements)
            #expect(outcome.grossPay == Cents(Int64(expected.grossCents)))
            #expect(outcome.netPay == Cents(Int64(expected.netCents)))
        }
        let runJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(try fixture.file("run.json").utf8)) as? [String: Any])
        #expect(runJSON["status"] as? String == "partial")
        #expect(runJSON["exit_code"] as? Int == 3)
        let files = try #require(runJSON["files"] as? [[String: Any]])
        #expect(files.count == 7)
        let calls = try #require(runJSON["calls"] as? [String: Int])
        #expect(calls["introspect"] == result.outcomes.count)
        let employees = try fixture.file("employees.csv")
        let raw = try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/2026-10/employees.csv"))
        #expect(raw.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(employees.contains("customer_id,company_id,connection_id"))
        #expect(!employees.contains("null"))
        await fixture.stop()
    }

    @Test func aFreshRunOfUnchangedDataWritesTheSameRows() async throws {
        // Pending items never become ready here, so both runs see the same data.
        let fixture = try await ExportFixture(syncAfter: 0)
        let first = try await fixture.export()
        let employees = try fixture.file("employees.csv")
        let payments = try fixture.file("payments.csv")
        let lines = try fixture.file("pay_statement_lines.csv")
        let second = try await fixture.export { $0.fresh = true }
        #expect(second.runID != first.runID)
        #expect(try fixture.file("employees.csv") == employees)
        #expect(try fixture.file("payments.csv") == payments)
        #expect(try fixture.file("pay_statement_lines.csv") == lines)
        await fixture.stop()
    }
}
