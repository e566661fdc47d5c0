import Foundation
import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

/// `paybatch status` on a PostgreSQL store shows the latest shared run (issue 22): its workers,
/// their claims and leases, the renderer and the publication; nothing where none ran.
@Suite("status shows a shared run's workers", .needsPostgres, .serialized, .timeLimit(.minutes(2)))
struct SharedRunStatusTests {
    static let period = Period("2026-10")!
    static let parameters = SharedRunParameters(
        only: [], fresh: false, formats: ["csv"], templates: nil, keepRuns: 2, out: "out")

    /// Two workers on the store's database (long leases: none runs out during a test), and the run
    /// they share, seeded with `count` connections.
    static func sharedRun(
        _ client: PostgresClient, connections count: Int
    ) async throws -> ([PostgresRunCoordinator], String) {
        try await PostgresRunCoordinator.createSchema(client: client)
        let workers = (0..<2).map {
            PostgresRunCoordinator(
                client: client, worker: WorkerID("host-\($0):10\($0):0000000\($0)"),
                timing: RunCoordinationTiming(lease: .seconds(120)))
        }
        var runID = ""
        for worker in workers {
            let join = try await worker.join(
                period: period, parameters: parameters, proposedRunID: "run-shared", joinWindow: .seconds(600)
            )
            switch join {
            case .started(let id), .joined(let id): runID = id
            default: throw RunStop(.software, "unexpected \(join)")
            }
        }
        try await workers[0].seed(runID: runID, connections: (0..<count).map { ConnectionID("conn-\($0)") })
        return (workers, runID)
    }

    static func claim(_ worker: PostgresRunCoordinator, _ runID: String) async throws -> ConnectionID {
        guard case .claimed(let claim) = try await worker.claimNext(runID: runID) else {
            throw RunStop(.software, "nothing claimed")
        }
        return claim.connection
    }

    @Test func theWorkersTheirClaimsAndLeasesAreShown() async throws {
        try await StoreBackend.postgres.withStore { store, fixture in
            let client = try #require(fixture.postgres?.client)
            // Before the coordinator's tables exist, and before any run: nothing, and no failure.
            let before = try await RosterStatusReport(store: store)
            #expect(before.sharedRun == nil)
            #expect(try !before.json().contains("shared_run"))
            try await PostgresRunCoordinator.createSchema(client: client)
            #expect(try await RosterStatusReport(store: store).sharedRun == nil)

            let (workers, runID) = try await Self.sharedRun(client, connections: 5)
            let first = try await Self.claim(workers[0], runID)
            try await workers[0].markDone(runID: runID, connection: first, status: .ok)
            let held = try await Self.claim(workers[0], runID)
            let other = try await Self.claim(workers[1], runID)

            let report = try await RosterStatusReport(store: store)
            let shared = try #require(report.sharedRun)
            #expect(shared.runID == runID)
            #expect(shared.period == "2026-10")
            #expect(shared.connections == .init(total: 5, done: 1, claimed: 2, pending: 2))
            #expect(shared.workers.map(\.id) == workers.map(\.worker.rawValue))
            #expect(shared.workers.map(\.host) == ["host-0", "host-1"])
            #expect(
                shared.workers.map { $0.claims.map(\.connectionID) } == [[held.rawValue], [other.rawValue]])
            let lease = try #require(shared.workers[0].claims.first?.leaseLeftSeconds)
            #expect((100...120).contains(lease))
            #expect(shared.workers.allSatisfy { (0...60).contains($0.lastSeenSecondsAgo) })
            #expect(shared.renderer == nil && !shared.published && shared.exitCode == nil)
            #expect(report.lines.contains { $0.hasPrefix("Shared run of 2026-10 (\(runID), started ") })
            #expect(report.lines.contains { $0.hasSuffix("1 done, 2 claimed, 2 pending of 5") })
            #expect(
                report.lines.contains { $0.hasPrefix("  worker host-1:101:00000001 on host-1, last seen ") })
            #expect(report.lines.contains { $0.hasPrefix("    \(held)  claim 1, lease ends in ") })
            #expect(report.lines.contains("  renderer: none yet; not published"))
            let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
            let run = try #require(json?["shared_run"] as? [String: Any])
            #expect((run["workers"] as? [Any])?.count == 2)
            #expect((run["connections"] as? [String: Int])?["pending"] == 2)
            #expect(run["published"] as? Bool == false)
            #expect(json?["runs"] != nil && json?["connections"] != nil)
        }
    }

    @Test func aPublishedRunShowsItsRendererAndExitCode() async throws {
        try await StoreBackend.postgres.withStore { store, fixture in
            let client = try #require(fixture.postgres?.client)
            let (workers, runID) = try await Self.sharedRun(client, connections: 1)
            let only = try await Self.claim(workers[1], runID)
            try await workers[1].markDone(runID: runID, connection: only, status: .partial)
            #expect(try await workers[1].electRenderer(runID: runID))
            #expect(try await workers[1].markPublished(runID: runID, exitStatus: .partial))

            let shared = try #require(try await RosterStatusReport(store: store).sharedRun)
            #expect(shared.connections == .init(total: 1, done: 1, claimed: 0, pending: 0))
            #expect(shared.renderer == workers[1].worker.rawValue)
            #expect(shared.exitCode == 3)
            #expect(shared.published && shared.publishedAt != nil)
            #expect(shared.lines.last?.hasPrefix("  renderer: \(workers[1].worker); published ") == true)
            #expect(shared.lines.last?.hasSuffix(", exit 3") == true)
        }
    }
}
