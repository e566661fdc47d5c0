import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, items 5 and 10: a run stopped by a signal says how to resume, leaves no temporary
/// file, and shows in `status` as `interrupted` (attention for `status --check`), never `running`.
@Suite("An interrupted run, end to end", .serialized)
struct InterruptedRunEndToEndTests {
    static let period = "2026-10"

    /// A workspace whose sandbox answers pay statements slowly, so an export is still fetching
    /// when its period folder gets its first spooled rows.
    static func slowWorkspace() async throws -> RosterWorkspace {
        var plan = try FaultPlan(parsing: "slow=1:1500")
        plan.paths = ["/employer/pay-statement"]
        let work = try await RosterWorkspace(companies: 6, faults: plan, syncAfter: 0)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(["--request-timeout", "20", "roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        return work
    }

    /// The names in `folder` that are an export's temporary files.
    static func temporaries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.contains(".tmp-") || $0.hasPrefix(".paybatch-spool-")
        }
    }

    /// Starts an export and sends `signal` once its spool exists; returns how it ended and stderr.
    static func interrupt(
        _ work: RosterWorkspace, with signal: Int32
    ) async throws -> (KilledRun.Ending, String) {
        let folder = work.path("out/" + period)
        let log = work.path("stderr-\(signal).txt")
        let ending = try await KilledRun.run(
            ["--request-timeout", "20", "export", "--period", period, "--out", work.path("out")], in: work,
            signal: signal, stderr: log
        ) { _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains {
                $0.hasPrefix(".paybatch-spool-")
            }
        }
        return (ending, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// The status of the latest run in `status --json`, and whether `--check` saw attention.
    static func latestRunStatus(_ work: RosterWorkspace) async throws -> (String?, [String], Int32) {
        let status = try await work.run(["status", "--json", "--check"])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let runs = json?["runs"] as? [[String: Any]] ?? []
        return (runs.first?["status"] as? String, json?["attention"] as? [String] ?? [], status.exitCode)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheRunCleanlyAndStatusSaysInterrupted(signal: Int32) async throws {
        let work = try await Self.slowWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let (ending, stderr) = try await Self.interrupt(work, with: signal)
        #expect(ending != .exited(0) && ending != .exited(3), "it stopped before the end: \(ending)")
        #expect(stderr.contains("interrupted; run the same command again to resume"), "\(stderr)")
        #expect(Self.temporaries(work.path("out/" + Self.period)).isEmpty)
        let lock = (try? String(contentsOfFile: work.path("paybatch.sqlite.lock"), encoding: .utf8)) ?? ""
        #expect(lock.isEmpty, "the lock was released: \(lock)")

        let (status, attention, code) = try await Self.latestRunStatus(work)
        #expect(status == "interrupted")
        #expect(attention.contains { $0.contains("interrupted") }, "\(attention)")
        #expect(code == 3)
    }

    @Test func aKilledRunShowsAsInterrupted() async throws {
        let work = try await Self.slowWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let (ending, _) = try await Self.interrupt(work, with: SIGKILL)
        #expect(ending == .killed)
        let (status, attention, code) = try await Self.latestRunStatus(work)
        #expect(status == "interrupted")
        #expect(attention.contains { $0.contains("interrupted") }, "\(attention)")
        #expect(code == 3)
    }
}
