import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// One workspace exported twice: once from a clean sandbox, once from its twin (same seed, same
/// tokens, same clock) that injects a fault plan; the run.json and files of both, for tests that
/// fail one connection on purpose and check that nothing else moved.
struct OneConnectionFault {
    static let period = "2026-10"
    static let timeout = ["--request-timeout", "10"]

    let work: RosterWorkspace
    /// A connection of the `normal` scenario, `ok` in the clean export: the one the faults hit.
    let target: SandboxConnection
    let clean: Export
    let faulty: Export
    /// The sandbox that injected the faults (its counters say what it answered).
    let twin: SandboxServer

    /// One export's outcome as the tests read it.
    struct Export {
        let result: PaybatchBinary.Result
        let folder: String
        let run: [String: Any]

        /// `export_status` per connection id.
        var statuses: [String: String] {
            let connections = run["connections"] as? [[String: Any]] ?? []
            return Dictionary(
                connections.map {
                    ($0["connection_id"] as? String ?? "", $0["export_status"] as? String ?? "")
                },
                uniquingKeysWith: { first, _ in first })
        }

        /// The run.json entry of `connection`.
        func entry(_ connection: String) -> [String: Any]? {
            (run["connections"] as? [[String: Any]])?.first { $0["connection_id"] as? String == connection }
        }
    }

    /// Imports the sandbox's roster, exports it cleanly, then exports it again (`--fresh`) from a
    /// twin sandbox whose `plan` is narrowed to the target connection.
    static func run(_ plan: FaultPlan) async throws -> OneConnectionFault {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        let target = try #require(work.server.world.connections.first { $0.scenario == .normal })
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(timeout + ["roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        let clean = try await export(work, into: "out-clean", fresh: false)
        var scoped = plan
        scoped.connections = [target.connectionID]
        let twin = try await work.twin(faults: scoped)
        let faulty = try await export(
            work, into: "out-faulty", fresh: true, extra: ["FINCH_BASE_URL": twin.baseURL.absoluteString])
        await twin.stop()
        await work.server.stop()
        return OneConnectionFault(work: work, target: target, clean: clean, faulty: faulty, twin: twin)
    }

    static func export(
        _ work: RosterWorkspace, into out: String, fresh: Bool, extra: [String: String] = [:]
    ) async throws -> Export {
        let result = try await work.run(
            timeout + ["export", "--period", period, "--out", work.path(out)] + (fresh ? ["--fresh"] : []),
            extra: extra)
        let folder = work.path(out + "/" + period)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/run.json"))
        let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Export(result: result, folder: folder, run: run)
    }

    /// The target is `failed` with an error on `endpoint` carrying a request id that stderr and
    /// connections.csv show too; every other connection ends as in the clean export; the run is
    /// partial, with `exitCode`: 75 when the target failed for a transient reason (SPEC §2), else 3.
    /// Returns the target's error.
    @discardableResult
    func expectOnlyTheTargetFailed(
        on endpoint: String, exitCode: Int32 = 75, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        let id = target.connectionID
        #expect(clean.statuses[id] == "ok", sourceLocation: sourceLocation)
        #expect(faulty.result.exitCode == exitCode, "\(faulty.result.stderr)", sourceLocation: sourceLocation)
        #expect(faulty.run["status"] as? String == "partial", sourceLocation: sourceLocation)
        #expect(faulty.run["exit_code"] as? Int == Int(exitCode), sourceLocation: sourceLocation)
        #expect(
            (faulty.run["retry_next_run"] as? [String])?.contains(id) == (exitCode == 75),
            "retry_next_run names the target when it failed for a transient reason",
            sourceLocation: sourceLocation)
        #expect(faulty.statuses[id] == "failed", sourceLocation: sourceLocation)
        var others = faulty.statuses
        others[id] = clean.statuses[id]
        #expect(
            others == clean.statuses, "the other connections end as in a clean export",
            sourceLocation: sourceLocation)

        let errors = try #require(
            faulty.entry(id)?["errors"] as? [[String: Any]], sourceLocation: sourceLocation)
        let error = try #require(
            errors.first { $0["endpoint"] as? String == endpoint }, "\(errors)",
            sourceLocation: sourceLocation)
        let requestID = try #require(error["request_id"] as? String, sourceLocation: sourceLocation)
        #expect(!requestID.isEmpty, sourceLocation: sourceLocation)
        #expect(
            faulty.result.stderr.contains(requestID), "stderr shows the request id",
            sourceLocation: sourceLocation)
        #expect(
            faulty.result.stderr.contains(endpoint), "stderr names the endpoint",
            sourceLocation: sourceLocation)
        let connectionsCSV = try String(contentsOfFile: faulty.folder + "/connections.csv", encoding: .utf8)
        let targetRow = connectionsCSV.split(separator: "\n").first { $0.contains(id) } ?? ""
        #expect(
            targetRow.contains(requestID), "connections.csv's last_request_id", sourceLocation: sourceLocation
        )
        return error
    }

    /// The attempt numbers the faulty run's request log holds for the target's calls to `endpoint`.
    func targetAttempts(on endpoint: FinchEndpoint) throws -> [String] {
        let runID = faulty.run["run_id"] as? String ?? ""
        return try StoreInspection(path: work.path("paybatch.sqlite")).rows(
            """
            SELECT attempt FROM request_log WHERE run_id = '\(runID)'
            AND connection_id = '\(target.connectionID)' AND endpoint = '\(endpoint.rawValue)' ORDER BY attempt
            """, columns: 1)
    }

    /// The faulty export wrote the same files as the clean one, each readable to its end: every
    /// CSV parses, run.json is JSON, the workbook opens with the same sheets.
    func expectCompleteReadableOutputs(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let names = { (folder: String) in
            Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") })
        }
        let written = try names(faulty.folder)
        #expect(written == (try names(clean.folder)), sourceLocation: sourceLocation)
        #expect(
            written.contains("run.json") && written.contains("connections.csv"),
            sourceLocation: sourceLocation)
        for name in written.sorted() where name.hasSuffix(".csv") {
            let reader = try CSVReader(path: faulty.folder + "/" + name)
            var records = 0
            while try reader.next() != nil { records += 1 }
            #expect(!reader.header.isEmpty, "\(name) has its header", sourceLocation: sourceLocation)
            if name == "connections.csv" {
                #expect(records == faulty.statuses.count, sourceLocation: sourceLocation)
            }
        }
        for name in written.sorted() where name.hasSuffix(".xlsx") {
            let actual = try XLSXCells(path: faulty.folder + "/" + name)
            let expected = try XLSXCells(path: clean.folder + "/" + name)
            #expect(actual.sheetNames == expected.sheetNames, sourceLocation: sourceLocation)
        }
    }
}

extension RosterWorkspace {
    /// A second sandbox with this one's seed, clock, tokens and credentials, injecting `faults`;
    /// started, so a command pointed at it (`FINCH_BASE_URL`) sees the same Finch, but faulty.
    func twin(faults: FaultPlan) async throws -> SandboxServer {
        var options = server.engine.options
        options.faults = faults
        let twin = SandboxServer(options: options)
        _ = try await twin.start()
        return twin
    }
}
