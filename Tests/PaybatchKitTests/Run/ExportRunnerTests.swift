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
            let id = outcome.identity.connectionID.rawValue
            let expected = try #require(
                outcome.identity.entityID.map {
                    fixture.sandbox.world.expectedTotals(
                        connectionID: id, entityID: $0.rawValue, period: "2026-10")
                } ?? fixture.sandbox.world.expectedTotals(connectionID: id, period: "2026-10"))
            #expect(outcome.individuals == expected.individuals, "\(outcome.identity.connectionID)")
            #expect(outcome.payments == expected.payments)
            #expect(outcome.payStatements == expected.payStatements)
            // The sandbox pays in USD only.
            let totals = outcome.totals.byCurrency
            #expect(totals.map(\.currency) == (outcome.payments > 0 ? ["USD"] : []))
            #expect((totals.first?.gross ?? .zero) == Cents(Int64(expected.grossCents)))
            #expect((totals.first?.net ?? .zero) == Cents(Int64(expected.netCents)))
        }
        let runJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(try fixture.file("run.json").utf8)) as? [String: Any])
        #expect(runJSON["status"] as? String == "partial")
        #expect(runJSON["exit_code"] as? Int == 3)
        let files = try #require(runJSON["files"] as? [[String: Any]])
        #expect(files.count == 7)
        let calls = try #require(runJSON["calls"] as? [String: Int])
        #expect(calls["introspect"] == Set(result.outcomes.map(\.identity.connectionID)).count)
        let employees = try fixture.file("employees.csv")
        let raw = try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/2026-10/employees.csv"))
        #expect(raw.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(employees.contains("customer_id,customer_name,company_id,connection_id"))
        #expect(!employees.contains("null"))
        await fixture.stop()
    }

    @Test func everyConnectionTakesTheMinimumCallsOfSpecSection8() async throws {
        let fixture = try await ExportFixture()
        let ticks = ProgressTicks()
        let result = try await fixture.export(progress: { ticks.add($0, $1) })
        let connections = Set(result.outcomes.map(\.identity.connectionID)).count
        #expect(ticks.all.map(\.0) == Array(0...connections))
        #expect(ticks.all.allSatisfy { $0.1 == connections })
        let store = try fixture.temp.runStore()
        let counts = try await store.latestCallCounts(period: fixture.period)
        // A multi-entity connection's calls per entity: MultiEntityExportTests.
        for outcome in result.outcomes where outcome.status == .ok && outcome.entity == nil {
            let calls = try #require(counts[outcome.identity.connectionID])
            let people = outcome.individuals
            #expect(calls["introspect"] == 1)
            #expect(calls["company"] == 1)
            #expect(calls["directory"] == max(1, (people + 4999) / 5000))
            #expect(calls["individual"] == (people + 9999) / 10000)
            #expect(calls["employment"] == (people + 9999) / 10000)
            #expect(calls["payment"] == 1)
            #expect(calls["pay_statement"] == (outcome.payments + 9) / 10)
        }
        // The sandbox saw exactly the calls paybatch counted: nothing was fetched twice.
        let sandboxCalls = fixture.sandbox.counters().buckets.values.reduce(0) { $0 + $1.calls }
        let counted = counts.values.flatMap { $0.filter { $0.key != "introspect" }.values }.reduce(0, +)
        #expect(sandboxCalls == counted)
        await fixture.stop()
    }

    @Test("last_request_id is the connection's last answered call, successful or not (SPEC §4 Values)")
    func lastRequestIDIsTheLastAnsweredCall() async throws {
        let fixture = try await ExportFixture()
        let result = try await fixture.export()
        let store = try fixture.temp.open()
        for outcome in result.outcomes {
            let id = outcome.identity.connectionID
            let answered = try store.requestLog(runID: result.runID, connection: id).filter {
                $0.requestID != nil && $0.httpStatus != nil
            }
            #expect(answered.last?.requestID != nil, "\(id) was called")
            #expect(outcome.lastRequestID == answered.last?.requestID, "\(id) (\(outcome.status))")
        }
        let rows = try CSVReader(path: fixture.out + "/2026-10/connections.csv")
        let column = try #require(rows.index(of: "last_request_id"))
        var count = 0
        while let record = try rows.next() {
            #expect(!record.fields[column].isEmpty, "row \(count + 1) has a last_request_id")
            count += 1
        }
        #expect(count == result.outcomes.count)
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

@Suite("Export plan")
struct ExportPlanTests {
    /// Two connections, the first with counts from a stored run.
    func plan(scale: Double) -> ExportPlan {
        let details = ConnectionDetails(status: .connected)
        let connections = [
            ConnectionRecord(connectionID: "a", customerID: "c1", details: details, addedAt: .now),
            ConnectionRecord(connectionID: "b", customerID: "c2", details: details, addedAt: .now),
        ]
        return ExportPlan(
            period: Period("2026-10")!, connections: connections,
            storedCounts: ["a": ["pay_statement": 25, "directory": 2]],
            limits: RateLimitConfiguration(scale: scale, safetyMargin: 0))
    }

    @Test func benefitsArePlannedOnlyWhenIncluded() {
        let granted = ConnectionDetails(products: ["payment", "benefits"], status: .connected)
        let connections = [
            ConnectionRecord(connectionID: "a", customerID: "c1", details: granted, addedAt: .now),
            ConnectionRecord(
                connectionID: "b", customerID: "c2", details: ConnectionDetails(status: .connected),
                addedAt: .now),
        ]
        func plan(_ include: Bool) -> ExportPlan {
            ExportPlan(
                period: Period("2026-10")!, connections: connections,
                storedCounts: ["a": ["payment": 1, "benefits": 7]],
                limits: RateLimitConfiguration(scale: 60, safetyMargin: 0), includeBenefits: include)
        }
        #expect(plan(false).totals["benefits"] == nil)
        #expect(!plan(false).text.contains("benefits"))
        // The stored run's 1 + 6 for the connection granted the product; none for the other.
        #expect(plan(true).totals["benefits"] == 7)
        #expect(plan(true).callNames.last == "benefits")
    }

    @Test(
        "without a stored run, a multi-entity connection is guessed one call per bucket per connected entity")
    func theGuessCountsConnectedEntities() {
        let entities: [ConnectionEntity] = [
            ConnectionEntity(id: "e1", name: "East", status: "connected"),
            ConnectionEntity(id: "e2", name: "West", status: "connected"),
            ConnectionEntity(id: "e3", name: "Payroll", status: "error_permissions"),
            ConnectionEntity(id: "e4", name: "Old", status: "disconnected"),
        ]
        let connections = [
            ConnectionRecord(
                connectionID: "a", customerID: "c1",
                details: ConnectionDetails(status: .connected, entities: entities), addedAt: .now),
            ConnectionRecord(
                connectionID: "b", customerID: "c2",
                details: ConnectionDetails(status: .connected, entities: [entities[0]]), addedAt: .now),
        ]
        let plan = ExportPlan(
            period: Period("2026-10")!, connections: connections, storedCounts: [:],
            limits: RateLimitConfiguration(scale: 60, safetyMargin: 0))
        #expect(plan.lines[0].calls["introspect"] == 1 && plan.lines[0].calls["company"] == 2)
        #expect(plan.lines[0].calls["pay_statement"] == 2)
        #expect(plan.lines[1].calls["company"] == 1)
        #expect(plan.totals["introspect"] == 2)
    }

    @Test func storedCountsWinOverTheOnePerBucketGuess() {
        let plan = self.plan(scale: 60)
        #expect(plan.totals["pay_statement"] == 26)
        #expect(plan.totals["introspect"] == 2)
        #expect(plan.totals["company"] == 1)
        // 26 pay-statement calls at 12 a (scaled) minute of one second: two full windows after the first.
        #expect(plan.lowerBound == .seconds(2))
        #expect(plan.text.contains("1 connections have no stored run"))
        #expect(plan.text.contains("at least 2 s"))
    }

    @Test func theProgressLinesEstimateStartsFromTheFigureTheDryRunPrints() {
        let plan = self.plan(scale: 60)
        #expect(plan.estimatedSeconds == 2)
        #expect(RemainingTime(plan: plan) == RemainingTime(planSeconds: 2, plannedConnections: 2))
        #expect(RemainingTime(plan: plan).seconds(elapsed: 0, done: 0, total: 2) == 2)
        let unpaced = self.plan(scale: 0)
        #expect(unpaced.estimatedSeconds == 0)
        #expect(unpaced.text.contains("Pacing is off"))
        #expect(RemainingTime(plan: unpaced).seconds(elapsed: 1, done: 0, total: 2) == nil)
    }
}

/// Progress reports, collected from any task.
final class ProgressTicks: @unchecked Sendable {
    private let lock = NSLock()
    private var ticks: [(Int, Int)] = []
    func add(_ done: Int, _ total: Int) { lock.withLock { ticks.append((done, total)) } }
    var all: [(Int, Int)] { lock.withLock { ticks } }
}
