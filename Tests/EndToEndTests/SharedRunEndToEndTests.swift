import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 22 end to end: worker processes of the built binary export one period together through a
/// PostgreSQL store (the throw-away server of `make test`), against the sandbox with its limits.
@Suite("Workers sharing a run, end to end", .needsPostgres, .serialized, .timeLimit(.minutes(5)))
struct SharedRunEndToEndTests {
    static let period = "2026-10"
    static let export = ["export", "--period", period, "--out", "out"]
    static let companies = 40
    static let rateScale = 60

    /// A workspace whose store is a fresh PostgreSQL database, the roster imported.
    static func shared() async throws -> (RosterWorkspace, [String: String]) {
        let work = try await RosterWorkspace(companies: companies, syncAfter: 0, rateScale: rateScale)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let database = ["PAYBATCH_DB": try await TestPostgres.freshDatabase().description]
        #expect(try await work.run(["roster", "import", work.rosterFile], extra: database).exitCode == 3)
        work.server.engine.resetCounters()
        return (work, database)
    }

    /// The one-process SQLite run of the same world: its files and its calls per bucket.
    static func baseline() async throws -> (RosterWorkspace, PaybatchBinary.Result, [String: Int]) {
        let work = try await RosterWorkspace(companies: companies, syncAfter: 0, rateScale: rateScale)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        work.server.engine.resetCounters()
        let result = try await work.run(export)
        return (work, result, calls(work.server))
    }

    /// Calls per bucket the sandbox answered (a refused one is made again: not counted twice).
    static func calls(_ server: SandboxServer) -> [String: Int] {
        server.counters().buckets.mapValues { $0.calls - $0.refused }
    }

    /// `count` workers started at once, each the built binary in `work`'s folder and environment.
    static func workers(
        _ count: Int, _ arguments: [String] = export, in work: RosterWorkspace, extra: [String: String]
    ) -> Task<[PaybatchBinary.Result], any Error> {
        let (environment, folder) = (work.environment.merging(extra) { $1 }, work.folder)
        return Task {
            try await withThrowingTaskGroup(of: PaybatchBinary.Result.self) { group in
                for _ in 0..<count {
                    group.addTask { try await RosterWorkspace.offPool(arguments, environment, nil, folder) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }

    static func refused(_ server: SandboxServer) -> Int {
        server.counters().buckets.values.reduce(0) { $0 + $1.refused }
    }

    @Test func threeWorkersMakeTheOneProcessFilesWithTheMinimumCallsAndNoRefusal() async throws {
        let (clean, baseline, minimum) = try await Self.baseline()
        let (work, database) = try await Self.shared()
        defer {
            Task { [a = clean.server, b = work.server] in
                await a.stop(); await b.stop()
            }
        }

        let results = try await Self.workers(3, in: work, extra: database).value

        #expect(results.allSatisfy { $0.exitCode == baseline.exitCode }, "\(results.map(\.stderr))")
        #expect(results.filter { $0.stdout.hasPrefix("Wrote ") }.count == 1, "exactly one worker renders")
        #expect(Self.refused(work.server) == 0)
        #expect(Self.calls(work.server) == minimum)
        let differences = try ExportFolderComparison.differences(
            clean.path("out/" + Self.period), work.path("out/" + Self.period))
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")

        // A worker arriving after the run was published does nothing and exits with its code.
        work.server.engine.resetCounters()
        let late = try await work.run(Self.export, extra: database)
        #expect(late.exitCode == baseline.exitCode)
        #expect(late.stdout.contains("rendered by another worker"))
        #expect(Self.calls(work.server).values.reduce(0, +) == 0)
    }

    @Test func aWorkerKilledMidRunIsCoveredByTheOthers() async throws {
        let (clean, baseline, minimum) = try await Self.baseline()
        let (work, database) = try await Self.shared()
        defer {
            Task { [a = clean.server, b = work.server] in
                await a.stop(); await b.stop()
            }
        }
        let server = work.server
        let dataCalls: @Sendable () -> Int = {
            server.counters().buckets.filter { $0.key != "introspect" }.values.reduce(0) { $0 + $1.calls }
        }
        let total = minimum.filter { $0.key != "introspect" }.values.reduce(0, +)

        let others = Self.workers(2, in: work, extra: database)
        let killed = try await KilledRun.run(Self.export, in: work, extra: database) { _ in
            dataCalls() >= total / 4
        }
        let survivors = try await others.value
        #expect(killed == .killed)
        #expect(survivors.allSatisfy { $0.exitCode == baseline.exitCode }, "\(survivors.map(\.stderr))")
        #expect(Self.refused(work.server) == 0)
        #expect(Double(dataCalls()) <= 1.2 * Double(total), "\(dataCalls()) data calls against \(total)")
        let differences = try ExportFolderComparison.differences(
            clean.path("out/" + Self.period), work.path("out/" + Self.period))
        let beyondCalls = differences.filter { !$0.hasPrefix("run.json calls:") }
        #expect(beyondCalls.isEmpty, "\(beyondCalls.joined(separator: "\n"))")
    }

    @Test func aWorkerWithOtherParametersIsRefusedNamingThem() async throws {
        let (work, database) = try await Self.shared()
        defer { Task { [server = work.server] in await server.stop() } }
        let first = Self.workers(1, in: work, extra: database)
        // Joins while the first runs (40 connections at 60× take seconds), with other formats.
        try await Task.sleep(for: .milliseconds(1500))
        let other = try await work.run(Self.export + ["--formats", "csv"], extra: database)
        #expect(other.exitCode == 64)
        #expect(other.stderr.contains("--formats"), "\(other.stderr)")
        #expect(try await first.value.map(\.exitCode) == [3])
    }
}
