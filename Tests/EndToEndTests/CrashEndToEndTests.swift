import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// SIGKILL at seeded random moments during `export`, `roster import` and `keys rotate`: the next
/// run completes, the store is sound with no row twice, and the files are an uninterrupted run's.
@Suite("Crashes, end to end", .serialized)
struct CrashEndToEndTests {
    static let period = "2026-10"
    static let kills = 3

    /// A workspace with a key and the sandbox's roster imported (pending items never become ready,
    /// so every run sees the same data).
    static func imported() async throws -> RosterWorkspace {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        #expect(try await work.run(["roster", "import", work.rosterFile]).exitCode == 3)
        return work
    }

    static func dataCalls(_ server: SandboxServer) -> Int {
        server.counters().buckets.values.reduce(0) { $0 + $1.calls }
    }

    static func expectSound(_ work: RosterWorkspace, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let store = try StoreInspection(path: work.path("paybatch.sqlite"))
        #expect(try store.integrityCheck() == "ok", sourceLocation: sourceLocation)
        #expect(try store.duplicates(in: "connections", on: ["token_fingerprint"]).isEmpty)
        #expect(
            try store.duplicates(in: "connection_events", on: ["connection_id", "to_status", "source"])
                .isEmpty,
            sourceLocation: sourceLocation)
    }

    /// run.json's calls per bucket in a period folder.
    static func runCalls(_ folder: String) throws -> [String: Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/run.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return json?["calls"] as? [String: Int] ?? [:]
    }

    @Test func exportKilledAtSeededMomentsResumesToTheUninterruptedFiles() async throws {
        let clean = try await Self.imported()
        let work = try await Self.imported()
        defer {
            Task { [a = clean.server, b = work.server] in
                await a.stop(); await b.stop()
            }
        }
        let export = ["export", "--period", Self.period, "--out", "out"]
        let baseline = try await clean.run(export)
        let minimum = Self.dataCalls(clean.server)
        #expect(minimum > 10)
        var random = SeededRandom(seed: 2026)
        for kill in 0..<Self.kills {
            work.server.engine.resetCounters()
            let after = Int.random(in: 1..<minimum, using: &random)
            let server = work.server
            let ending = try await KilledRun.run(export + (kill == 0 ? [] : ["--fresh"]), in: work) { _ in
                Self.dataCalls(server) >= after
            }
            #expect(ending == .killed, "kill \(kill) after \(after) data calls")
            let resumed = try await work.run(export)
            #expect(resumed.exitCode == baseline.exitCode, "\(resumed.stderr)")
            let (cleanFolder, workFolder) = (
                clean.path("out/" + Self.period), work.path("out/" + Self.period)
            )
            let differences = try await awaitBlocking {
                try ExportFolderComparison.differences(cleanFolder, workFolder)
            }
            // run.json's calls count every call the run made over its invocations: the clean run's,
            // plus those in flight when it was killed (their answers never stored) — at most one
            // per connection, since a connection's calls go one after another.
            let others = differences.filter { !$0.hasPrefix("run.json calls:") }
            #expect(others.isEmpty, "kill \(kill) after \(after): \(others.joined(separator: "\n"))")
            let calls = Self.dataCalls(work.server)
            let made = try Self.runCalls(work.path("out/" + Self.period))
            let wanted = try Self.runCalls(clean.path("out/" + Self.period))
            let connections = wanted["introspect"] ?? 0
            for (bucket, count) in wanted where bucket != "introspect" {
                #expect(
                    (count...(count + connections)).contains(made[bucket] ?? -1),
                    "kill \(kill) after \(after): run.json calls of \(bucket) \(made[bucket] ?? -1), clean \(count)"
                )
            }
            #expect(
                calls * 5 <= minimum * 6,
                "kill \(kill) after \(after): \(calls) data calls, minimum \(minimum)")
            try Self.expectSound(work)
            let store = try StoreInspection(path: work.path("paybatch.sqlite"))
            #expect(try store.count("runs") == kill + 1, "a resumed run keeps its run id")
        }
    }

    @Test func rosterImportKilledAtSeededMomentsCompletesOnTheNextRun() async throws {
        let clean = try await Self.imported()
        defer { Task { [server = clean.server] in await server.stop() } }
        let expected = try Self.roster(clean)
        var random = SeededRandom(seed: 7)
        for kill in 0..<Self.kills {
            let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
            defer { Task { [server = work.server] in await server.stop() } }
            try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
            let after = Int.random(in: 1..<work.server.world.connections.count, using: &random)
            let server = work.server
            let ending = try await KilledRun.run(["roster", "import", work.rosterFile], in: work) { _ in
                (server.counters().endpoints["GET /introspect"]?.calls ?? 0) >= after
            }
            #expect(ending == .killed, "kill \(kill) after \(after) introspects")
            let again = try await work.run(["roster", "import", work.rosterFile])
            #expect(again.exitCode == 3, "\(again.stderr)")
            #expect(try Self.roster(work) == expected, "kill \(kill) after \(after) introspects")
            try Self.expectSound(work)
        }
    }

    /// What `roster list --json` says of each connection, times aside.
    static func roster(_ work: RosterWorkspace) throws -> [String] {
        let store = try StoreInspection(path: work.path("paybatch.sqlite"))
        return try store.rows(
            "SELECT connection_id, customer_id, company_id, provider_id, status, assisted, products, "
                + "last_successful_sync, token_hint FROM connections ORDER BY connection_id", columns: 9)
    }

    @Test func keysRotateKilledAtSeededMomentsLosesNoSecret() async throws {
        let work = try await Self.imported()
        defer { Task { [server = work.server] in await server.stop() } }
        let export = ["export", "--period", Self.period, "--out", "out"]
        let baseline = try await work.run(export)
        let files = ["employees.csv", "payments.csv", "pay_statements.csv", "pay_statement_lines.csv"]
        let expected = try files.map {
            try Data(contentsOf: URL(fileURLWithPath: work.path("out/2026-10/" + $0)))
        }
        // An uninterrupted rotation measures how long one takes; the kills land within that time.
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try await work.run(["keys", "rotate"]).exitCode == 0)
        let milliseconds = max(Int((clock.now - start) / .milliseconds(1)), 2)
        var random = SeededRandom(seed: 11)
        var endings: [KilledRun.Ending] = []
        for kill in 0..<Self.kills {
            // Within the first half: the measured time includes waiting for the process to end.
            let delay = Duration.milliseconds(Int.random(in: 1..<max(milliseconds / 2, 2), using: &random))
            let ending = try await KilledRun.run(["keys", "rotate"], in: work) { $0 >= delay }
            endings.append(ending)
            let rotated = try await work.run(["keys", "rotate"])
            #expect(rotated.exitCode == 0, "kill \(kill) at \(delay) (\(ending)): \(rotated.stderr)")
            try Self.expectSound(work)
            // Every secret and stored answer still decrypts: reused answers and a fresh fetch.
            let reused = try await work.run(export)
            #expect(reused.exitCode == baseline.exitCode, "\(reused.stderr)")
            let fetched = try await work.run(export + ["--fresh"])
            #expect(fetched.exitCode == baseline.exitCode, "\(fetched.stderr)")
            let actual = try files.map {
                try Data(contentsOf: URL(fileURLWithPath: work.path("out/2026-10/" + $0)))
            }
            #expect(actual == expected, "kill \(kill) at \(delay)")
        }
        #expect(endings.contains(.killed), "no kill landed within a rotation: \(endings)")
        let status = try await work.run(["keys", "status"])
        #expect(status.exitCode == 0, "\(status.stderr)")
    }
}
