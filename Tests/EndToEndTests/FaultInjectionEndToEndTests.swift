import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `paybatch export` against a Finch that fails on purpose (the sandbox's `--faults`): what a
/// retry overcomes leaves no trace in the files; what it cannot is reported per connection.
@Suite("Fault injection, end to end", .serialized)
struct FaultInjectionEndToEndTests {
    static let period = "2026-10"
    /// 5 % 500/502, 3 % 429, 1 % timeouts, 1 % truncated bodies, 5 % slow answers.
    static let mix = "500=0.03,502=0.02,429=0.03,timeout=0.01,truncate=0.01,slow=0.05:300"
    /// Long enough for a slow answer from an in-process sandbox sharing the machine with other
    /// suites, short enough that a hung request costs seconds, not Finch's six minutes.
    static let timeout = ["--request-timeout", "10"]

    /// Imports the sandbox's roster and exports the period; returns the export's result and folder.
    static func importAndExport(_ work: RosterWorkspace) async throws -> (PaybatchBinary.Result, String) {
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(timeout + ["roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        let exported = try await work.run(
            timeout + ["export", "--period", period, "--out", work.path("out")])
        return (exported, work.path("out/" + period))
    }

    @Test(arguments: [true, false])
    func aFaultyFinchGivesTheFilesOfACleanOne(retryAfter: Bool) async throws {
        // Pending items never become ready, so a retried request cannot see newer data than the clean run.
        let clean = try await RosterWorkspace(companies: 8, syncAfter: 0)
        let faulty = try await RosterWorkspace(
            companies: 8, faults: try FaultPlan(parsing: Self.mix), retryAfter: retryAfter, syncAfter: 0)
        defer {
            Task { [a = clean.server, b = faulty.server] in
                await a.stop(); await b.stop()
            }
        }
        let (expected, expectedFolder) = try await Self.importAndExport(clean)
        let (actual, actualFolder) = try await Self.importAndExport(faulty)
        #expect(expected.exitCode == 3 && actual.exitCode == expected.exitCode, "\(actual.stderr)")
        let injected = faulty.server.counters().endpoints.values.reduce(0) {
            $0 + $1.faults.values.reduce(0, +)
        }
        #expect(injected >= 5, "the mix injected only \(injected) faults")
        let differences = try await awaitBlocking {
            try ExportFolderComparison.differences(expectedFolder, actualFolder)
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        if retryAfter {
            try await Self.expectComparisonSeesAChangedByte(expectedFolder, faulty.path("changed"))
        }
    }

    /// The comparison is not blind: one byte changed in a copy of the folder is reported.
    static func expectComparisonSeesAChangedByte(_ folder: String, _ copy: String) async throws {
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        let file = URL(fileURLWithPath: copy + "/payments.csv")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 3] ^= 1
        try bytes.write(to: file)
        let changed = try await awaitBlocking { try ExportFolderComparison.differences(folder, copy) }
        #expect(changed == ["payments.csv differs"])
    }

    @Test func retriesExhaustedFailTheConnectionWith75AndAnUnreachableFinchExits69() async throws {
        var plan = try FaultPlan(parsing: "500=1")
        plan.paths = ["/employer/payment"]
        let work = try await RosterWorkspace(companies: 8, faults: plan, syncAfter: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        let (result, folder) = try await Self.importAndExport(work)
        #expect(result.exitCode == 75, "a transient failure: \(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/run.json"))
        let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let connections = try #require(run["connections"] as? [[String: Any]])
        let connectionsCSV = try String(contentsOfFile: folder + "/connections.csv", encoding: .utf8)
        let failed = connections.filter { $0["export_status"] as? String == "failed" }
        #expect(!failed.isEmpty)
        let answered = work.server.counters().endpoints["GET /employer/payment"]?.statuses["500"] ?? 0
        #expect(answered == failed.count * 6, "six tries a call")
        for connection in failed {
            let errors = try #require(connection["errors"] as? [[String: Any]])
            let error = try #require(errors.first { $0["endpoint"] as? String == "/employer/payment" })
            #expect(error["http_status"] as? Int == 500)
            let requestID = try #require(error["request_id"] as? String)
            #expect(!requestID.isEmpty)
            #expect(result.stderr.contains(requestID), "the request id is shown next to the error")
            #expect(connectionsCSV.contains(requestID), "connections.csv's last_request_id")
        }
        #expect(run["status"] as? String == "partial" && run["exit_code"] as? Int == 75)
        let retry = Set(run["retry_next_run"] as? [String] ?? [])
        #expect(failed.allSatisfy { retry.contains($0["connection_id"] as? String ?? "") }, "\(retry)")

        let unreachable = try await work.run(
            Self.timeout + ["export", "--period", Self.period, "--out", work.path("out"), "--fresh"],
            extra: ["FINCH_BASE_URL": "http://127.0.0.1:1"])
        #expect(unreachable.exitCode == 69, "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("Finch could not be reached"))
    }
}
