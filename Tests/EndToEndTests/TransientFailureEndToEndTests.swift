import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 2: exit 3 must not hide an outage. A connection that failed for a transient
/// reason (5xx, timeouts, 429s after their retries) makes the run exit 75 with its files written;
/// run.json names the connections the next run fetches again, and that run reuses the others.
@Suite("A transient failure, end to end", .serialized)
struct TransientFailureEndToEndTests {
    static let period = OneConnectionFault.period

    @Test func serverErrorsExit75AndTheNextRunFetchesOnlyWhatFailed() async throws {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(OneConnectionFault.timeout + ["roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        var plan = try FaultPlan(parsing: "500=0.9")
        plan.paths = ["/employer/payment"]
        let faulty = try await work.twin(faults: plan)
        let out = work.path("out")
        let folder = out + "/" + Self.period
        let first = try await work.run(
            OneConnectionFault.timeout + ["export", "--period", Self.period, "--out", out],
            extra: ["FINCH_BASE_URL": faulty.baseURL.absoluteString])
        await faulty.stop()

        #expect(first.exitCode == 75, "\(first.stderr)")
        let run = try OpenPeriodEndToEndTests.runJSON(folder)
        #expect(run["status"] as? String == "partial" && run["exit_code"] as? Int == 75)
        let connections = try #require(run["connections"] as? [[String: Any]])
        let failed = Set(
            connections.filter { $0["export_status"] as? String == "failed" }.compactMap {
                $0["connection_id"] as? String
            })
        #expect(!failed.isEmpty, "\(connections)")
        let retry = Set(try #require(run["retry_next_run"] as? [String]))
        #expect(failed.isSubset(of: retry), "\(retry) lists every failed connection")
        let summary = try XLSXCells(path: folder + "/paybatch-\(Self.period).xlsx").sheets["Summary"] ?? [:]
        for id in failed {
            #expect(
                summary.values.contains { $0.contains("next run") && $0.contains(id) },
                "the Summary says the next run retries \(id): \(summary)")
        }
        let ok = Set(
            connections.filter { $0["export_status"] as? String == "ok" }.compactMap {
                $0["connection_id"] as? String
            })
        #expect(!ok.isEmpty)

        // The run counts as finished: the next one is a new run that reuses the `ok` connections
        // and fetches the failed ones again (against a sound Finch, they come out ok).
        let second = try await work.run(
            OneConnectionFault.timeout + ["export", "--period", Self.period, "--out", out])
        #expect(second.exitCode == 3, "\(second.stderr)")
        let again = try OpenPeriodEndToEndTests.runJSON(folder)
        #expect(again["run_id"] as? String != run["run_id"] as? String)
        for entry in again["connections"] as? [[String: Any]] ?? [] {
            let id = entry["connection_id"] as? String ?? ""
            if failed.contains(id) {
                #expect(entry["export_status"] as? String == "ok" && entry["source"] as? String == "fetched")
            }
            if ok.contains(id) { #expect(entry["source"] as? String == "reused", "\(id)") }
        }
        #expect((again["retry_next_run"] as? [String])?.contains { failed.contains($0) } == false)
    }
}
