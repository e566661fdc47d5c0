import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// SPEC §2: a run that Finch rate-limits out stops with 75 and says when to retry, leaving no
/// half-written file and a sound store that the next run resumes; a connection whose retries on
/// server errors are exhausted is `failed` alone (exit 75: the next run fetches it again).
@Suite("Retries exhausted, end to end", .serialized)
struct RateLimitedOutEndToEndTests {
    static let period = OneConnectionFault.period

    /// With 8 connections each introspect's six tries end before the retry budget (50 plus 20 % of
    /// the 7 calls planned per connection, SPEC §3) does, so every connection is refused; with 24
    /// the budget runs out first (5 retries a connection against 1.4). Both are 75.
    @Test(arguments: [(8, "refused every connection"), (24, "retry budget is spent")])
    func finchAnswering429ToEverythingStopsTheRunWith75AndTheNextRunCompletes(
        companies: Int, reason: String
    ) async throws {
        let work = try await RosterWorkspace(companies: companies, syncAfter: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(OneConnectionFault.timeout + ["roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        let limited = try await work.twin(faults: try FaultPlan(parsing: "429=1"))
        let out = work.path("out")
        let stopped = try await work.run(
            OneConnectionFault.timeout + ["export", "--period", Self.period, "--out", out],
            extra: ["FINCH_BASE_URL": limited.baseURL.absoluteString])
        await limited.stop()

        #expect(stopped.exitCode == 75, "\(stopped.stderr)")
        #expect(stopped.stderr.contains(reason), "\(stopped.stderr)")
        let refused = limited.counters().endpoints.values.reduce(0) { $0 + ($1.statuses["429"] ?? 0) }
        #expect(
            refused > 0
                && limited.counters().endpoints.values.allSatisfy { Array($0.statuses.keys) == ["429"] })
        try Self.expectSaysWhenToRetry(stopped.stderr)
        let requestIDs = Set(try Self.loggedRequestIDs(work))
        let shown = requestIDs.filter { stopped.stderr.contains($0) }
        #expect(!shown.isEmpty, "stderr names one of the refused calls' request ids: \(stopped.stderr)")
        #expect(Self.filesUnder(out).isEmpty, "nothing written: \(Self.filesUnder(out))")
        #expect(try StoreInspection(path: work.path("paybatch.sqlite")).integrityCheck() == "ok")

        let resumed = try await work.run(
            OneConnectionFault.timeout + ["export", "--period", Self.period, "--out", out])
        #expect(resumed.exitCode == 3, "\(resumed.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + Self.period + "/run.json"))
        let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(run["status"] as? String == "partial")
        let connections = try #require(run["connections"] as? [[String: Any]])
        #expect(connections.contains { $0["export_status"] as? String == "ok" })
        // But the multi-entity connection, one of whose entities Finch cannot read (issue 21).
        let single = connections.filter { $0["entities"] == nil }
        #expect(!single.contains { $0["export_status"] as? String == "failed" }, "\(connections)")
        #expect(try StoreInspection(path: work.path("paybatch.sqlite")).integrityCheck() == "ok")
    }

    @Test func serverErrorsExhaustTheRetriesOfOneConnectionOnlyAndExit75() async throws {
        var plan = try FaultPlan(parsing: "500=1")
        plan.paths = ["/employer/payment"]
        let outcome = try await OneConnectionFault.run(plan)
        let error = try outcome.expectOnlyTheTargetFailed(on: "/employer/payment")
        #expect(error["http_status"] as? Int == 500)
        let answered = outcome.twin.counters().endpoints["GET /employer/payment"]?.statuses
        #expect(answered?["500"] == 6, "only the target's calls draw the fault")
        #expect(try outcome.targetAttempts(on: .payment) == (1...6).map(String.init), "six tries")
        try outcome.expectCompleteReadableOutputs()
    }

    /// The remedy names a UTC time to run again after.
    static func expectSaysWhenToRetry(
        _ stderr: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let time = try Regex(#"again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#)
        #expect(stderr.contains(time), "\(stderr)", sourceLocation: sourceLocation)
    }

    /// The request ids the store's request log holds for the refused calls.
    static func loggedRequestIDs(_ work: RosterWorkspace) throws -> [String] {
        try StoreInspection(path: work.path("paybatch.sqlite")).rows(
            "SELECT request_id FROM request_log WHERE http_status = 429", columns: 1)
    }

    /// Every regular file under `folder` (none when it does not exist).
    static func filesUnder(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder)
            return !isFolder.boolValue
        }
    }
}
