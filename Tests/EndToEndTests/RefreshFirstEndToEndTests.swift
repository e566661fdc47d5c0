import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `export --refresh-first`: the export waits for the syncs it asked for, and a connection whose
/// job still runs is exported `pending` without a data call.
@Suite("The built binary: export --refresh-first", .serialized)
struct RefreshFirstEndToEndTests {
    func export(
        jobSeconds: Int, wait: String
    ) async throws -> (RosterWorkspace, PaybatchBinary.Result, String) {
        let work = try await RosterWorkspace(companies: 8, jobSeconds: jobSeconds)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        let result = try await work.run([
            "export", "--period", "2026-10", "--out", work.path("out"), "--formats", "csv", "--refresh-first",
            "--refresh-wait", wait,
        ])
        let csv =
            (try? String(contentsOfFile: work.path("out/2026-10/connections.csv"), encoding: .utf8)) ?? ""
        return (work, result, csv)
    }

    func row(_ csv: String, _ connection: SandboxConnection) -> String {
        csv.split(separator: "\n").first { $0.contains(connection.connectionID) }.map(String.init) ?? ""
    }

    @Test func aConnectionStillSyncingIsExportedPending() async throws {
        let (work, result, csv) = try await export(jobSeconds: 0, wait: "2s")
        defer { Task { [server = work.server] in await server.stop() } }
        #expect(result.exitCode == 3, "\(result.stdout)\(result.stderr)")
        let normal = try #require(work.server.world.connections.first { $0.scenario == .normal })
        #expect(row(csv, normal).contains(",pending,"), "\(csv)")
        #expect(row(csv, normal).contains("Finch is still syncing this connection"))
        #expect(result.stdout.contains("\(normal.connectionID) (\(normal.customerID)): pending"))
        let counters = work.server.counters()
        #expect(counters.calls("jobs") > 0)
        #expect(counters.calls("company") == 0)
        #expect(counters.calls("pay_statement") == 0)
    }

    @Test func aCompletedSyncIsFetchedAsUsual() async throws {
        let (work, result, csv) = try await export(jobSeconds: 1, wait: "30s")
        defer { Task { [server = work.server] in await server.stop() } }
        #expect(result.exitCode == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Needs a person:"))
        let normal = try #require(work.server.world.connections.first { $0.scenario == .normal })
        #expect(row(csv, normal).contains(",ok,"), "\(csv)")
        #expect(work.server.counters().calls("pay_statement") > 0)
        // run.json lists the refreshes asked before fetching, each with its job and end.
        let data = try Data(contentsOf: URL(fileURLWithPath: work.path("out/2026-10/run.json")))
        let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let jobs = try #require(run["refresh_jobs"] as? [[String: Any]])
        let normalJob = try #require(jobs.first { $0["connection_id"] as? String == normal.connectionID })
        #expect(normalJob["status"] as? String == "complete" && normalJob["job_id"] is String)
        #expect(jobs.contains { $0["status"] as? String == "assisted" })
        work.expectNoSecrets()
    }
}
