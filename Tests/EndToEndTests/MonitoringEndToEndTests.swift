import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, items 6–8: what a monitor and cron see of an export. JSON logs give every outcome
/// as fields and end with one summary event; `--verbose` logs every attempt and retry; text on a
/// stderr nobody watches keeps only warnings, errors and the summary.
@Suite("Monitoring an export, end to end", .serialized)
struct MonitoringEndToEndTests {
    static let period = "2026-10"

    /// A workspace whose sandbox answers some company calls 500 (retried), roster imported.
    static func workspace() async throws -> RosterWorkspace {
        var plan = try FaultPlan(parsing: "500=0.4")
        plan.paths = ["/employer/company"]
        let work = try await RosterWorkspace(companies: 8, faults: plan, syncAfter: 0)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(["roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        return work
    }

    static func objects(_ stderr: String) -> [[String: Any]?] {
        stderr.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func jsonLogsGiveOutcomesAsFieldsAndEndWithOneSummary() async throws {
        let work = try await Self.workspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let result = try await work.run([
            "--log-format", "json", "export", "--period", Self.period, "--out", work.path("out"),
        ])
        #expect(result.exitCode == 3, "\(result.stderr)")
        let parsed = Self.objects(result.stderr)
        #expect(!parsed.isEmpty && parsed.allSatisfy { $0 != nil }, "every line is JSON: \(result.stderr)")
        let lines = parsed.compactMap { $0 }
        let runJSON = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: work.path("out/\(Self.period)/run.json"))))
                as? [String: Any])
        let runID = try #require(runJSON["run_id"] as? String)
        #expect(lines.allSatisfy { $0["run_id"] as? String == runID }, "run_id on every line")

        // One outcome event per connection, its outcome in fields.
        let connections = try #require(runJSON["connections"] as? [[String: Any]])
        let outcomes = lines.filter { $0["event"] as? String == "connection_outcome" }
        #expect(outcomes.count == connections.count)
        for connection in connections {
            let id = try #require(connection["connection_id"] as? String)
            let event = try #require(outcomes.first { $0["connection_id"] as? String == id })
            #expect(event["export_status"] as? String == connection["export_status"] as? String)
            #expect(event["source"] as? String == connection["source"] as? String)
            let errors = connection["errors"] as? [[String: Any]] ?? []
            if let last = errors.last {
                #expect(event["request_id"] as? String == last["request_id"] as? String, "\(event)")
                #expect(event["finch_code"] as? String == last["finch_code"] as? String, "\(event)")
            }
        }
        #expect(outcomes.contains { $0["export_status"] as? String == "reauth_required" })

        // The last line is the run's one summary event.
        let summaries = lines.filter { $0["event"] as? String == "run_summary" }
        #expect(summaries.count == 1)
        let summary = try #require(lines.last)
        #expect(summary["event"] as? String == "run_summary" && summary["exit_code"] as? Int == 3)
        #expect(summary["status"] as? String == "partial")
        let byStatus = try #require(summary["connections"] as? [String: Int])
        #expect(byStatus.values.reduce(0, +) == connections.count && byStatus["reauth_required"] == 1)
        #expect(summary["calls"] as? [String: Int] == runJSON["calls"] as? [String: Int])
        let listed = try #require(runJSON["files"] as? [Any])
        #expect(summary["files"] as? Int == listed.count + 1, "run.json lists every file but itself")

        // run.json counts the retries per bucket and the limiter's waits per bucket.
        let retries = try #require(runJSON["retries"] as? [String: Int])
        #expect(summary["retries"] as? [String: Int] == retries)
        let injected = work.server.counters().endpoints["GET /employer/company"]?.statuses["500"] ?? 0
        #expect(injected > 0 && retries["company"] == injected, "\(retries), \(injected) injected")
        let waits = try #require(runJSON["limiter_wait_s"] as? [String: Double])
        #expect(Set(waits.keys) == Set(retries.keys) && waits.keys.contains("pay_statement"))
    }

    @Test func aFatalErrorAndAUsageErrorAreJSONLinesToo() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        let noStore = try await work.run([
            "--log-format", "json", "export", "--period", Self.period, "--db", work.path("typo.sqlite"),
        ])
        #expect(noStore.exitCode == 78, "\(noStore.stderr)")
        let fatal = Self.objects(noStore.stderr)
        #expect(!fatal.isEmpty && fatal.allSatisfy { $0 != nil }, "\(noStore.stderr)")
        let error = try #require(fatal.last ?? nil)
        #expect(error["level"] as? String == "error" && error["exit_code"] as? Int == 78)
        #expect((error["message"] as? String)?.contains("no store at") == true, "\(error)")
        #expect(error["remedy"] is String)

        let usage = try await work.run(["export", "--period", "last-month", "--log-format=json"])
        #expect(usage.exitCode == 64, "\(usage.stderr)")
        let usageLines = Self.objects(usage.stderr)
        #expect(usageLines.count == 1 && usageLines.allSatisfy { $0 != nil }, "\(usage.stderr)")
        #expect((usageLines.first??["message"] as? String)?.contains("YYYY-MM") == true)
    }

    @Test func textForCronIsQuietAndVerboseLogsEveryAttempt() async throws {
        let work = try await Self.workspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let export = ["export", "--period", Self.period, "--out", work.path("out")]
        let quiet = try await work.run(export)
        #expect(quiet.exitCode == 3, "\(quiet.stderr)")
        let quietLines = quiet.stderr.split(separator: "\n")
        let levels = quietLines.map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
        #expect(levels.allSatisfy { ["warning", "error", "notice"].contains($0) }, "\(quiet.stderr)")
        #expect(quietLines.filter { $0.contains(" notice export finished") }.count == 1, "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("connection_outcome") && !quiet.stderr.contains("retrying"))
        #expect(quiet.stdout.contains("Connections:"), "the summary on stdout stays")

        let verbose = try await work.run(["--verbose"] + export + ["--fresh"])
        #expect(verbose.exitCode == 3, "\(verbose.stderr)")
        let lines = verbose.stderr.split(separator: "\n").map(String.init)
        let attempts = lines.filter { $0.contains(" debug GET /employer/") }
        #expect(!attempts.isEmpty, "\(verbose.stderr)")
        for field in ["method=GET", "bucket=", "status=", "request_id=", "attempt=", "waited_ms="] {
            #expect(attempts.allSatisfy { $0.contains(field) }, "\(field): \(attempts.prefix(3))")
        }
        let retries = lines.filter { $0.contains(" info retrying /employer/company") }
        #expect(!retries.isEmpty, "\(verbose.stderr)")
        #expect(
            retries.allSatisfy {
                $0.contains("attempt=") && $0.contains("waited_ms=") && $0.contains("connection_id=")
            })
        #expect(lines.contains { $0.contains("event=connection_outcome") && $0.contains("export_status=ok") })
    }
}
