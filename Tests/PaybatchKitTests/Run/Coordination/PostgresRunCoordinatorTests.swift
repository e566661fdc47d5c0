import Foundation
import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

/// Issue 22's shared run: workers on one PostgreSQL database claim each connection once, take
/// over those of a worker that stopped beating, and elect one renderer. Serialized: the workers
/// of each test race one another, not another test's, on a loaded machine.
@Suite("Shared run coordination in PostgreSQL", .needsPostgres, .serialized, .timeLimit(.minutes(5)))
struct PostgresRunCoordinatorTests {
    static let period = Period("2026-10")!
    static let parameters = SharedRunParameters(
        only: [], fresh: false, formats: ["csv", "xlsx"], templates: nil, keepRuns: 2, out: "out")
    /// Short leases, so that a lost lease is seen in a second.
    static let short = RunCoordinationTiming(
        lease: .seconds(1), heartbeat: .milliseconds(250), poll: .milliseconds(50))

    /// Runs `body` with `count` workers on one pool (a connection each, and one for the
    /// heartbeats) over a fresh database with the tables made.
    func withWorkers<Value: Sendable>(
        _ count: Int, timing: RunCoordinationTiming = Self.short,
        _ body: ([PostgresRunCoordinator]) async throws -> Value
    ) async throws -> Value {
        let url = try await TestPostgres.freshDatabase()
        return try await PostgresPool.with(url, password: nil, maximumConnections: count + 1) { client in
            try await PostgresRunCoordinator.createSchema(client: client)
            let workers = (0..<count).map {
                PostgresRunCoordinator(
                    client: client, worker: WorkerID("host-\($0):\(100 + $0):0000000\($0)"), timing: timing)
            }
            return try await body(workers)
        }
    }

    /// Starts the period's run with the first of `workers`, seeds it with `count` connections, and
    /// has the others join it.
    static func start(
        _ workers: [PostgresRunCoordinator], connections count: Int, period: Period = period
    ) async throws -> String {
        let join = try await Self.join(workers[0], period: period, proposing: UUID().uuidString.lowercased())
        guard case .started(let runID) = join else { throw RunStop(.software, "not started: \(join)") }
        try await workers[0].seed(runID: runID, connections: connections(count))
        for worker in workers.dropFirst() {
            #expect(try await Self.join(worker, period: period) == .joined(runID: runID))
        }
        return runID
    }

    /// `worker` joins the period's run (a join window of 10 minutes unless told).
    static func join(
        _ worker: PostgresRunCoordinator, period: Period = period,
        parameters: SharedRunParameters = parameters,
        proposing runID: String = "unused", window: Duration = .seconds(600)
    ) async throws -> RunJoin {
        try await worker.join(
            period: period, parameters: parameters, proposedRunID: runID, joinWindow: window)
    }

    static func connections(_ count: Int) -> [ConnectionID] {
        (0..<count).map { ConnectionID("conn-\(String(format: "%05d", $0))") }
    }

    /// A worker's loop: claims and marks done until every connection is done; what it claimed.
    static func drain(_ worker: some RunCoordinator, runID: String) async throws -> [ConnectionClaim] {
        var claimed: [ConnectionClaim] = []
        while true {
            switch try await worker.claimNext(runID: runID) {
            case .claimed(let claim):
                claimed.append(claim)
                try await worker.markDone(runID: runID, connection: claim.connection, status: .ok)
            case .waiting(let delay): try await Task.sleep(for: delay)
            case .allDone: return claimed
            }
        }
    }

    @Test func concurrentWorkersClaimEveryConnectionExactlyOnce() async throws {
        try await withWorkers(4) { workers in
            let runID = try await Self.start([workers[0]], connections: 200)
            let claims = try await withThrowingTaskGroup(of: [ConnectionClaim].self) { group in
                for worker in workers {
                    group.addTask {
                        let join = try await Self.join(worker)
                        #expect(join == .joined(runID: runID) || worker.worker == workers[0].worker)
                        // Every worker seeds; only the first seed counted.
                        #expect(try await !worker.seed(runID: runID, connections: Self.connections(3)))
                        return try await Self.drain(worker, runID: runID)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 200)
            #expect(Set(all.map(\.connection)) == Set(Self.connections(200)))
            #expect(all.allSatisfy { $0.attempt == 1 && $0.previousWorker == nil })
            #expect(
                claims.filter { !$0.isEmpty }.count > 1, "one worker took everything: \(claims.map(\.count))")
            #expect(
                try await workers[1].progress(runID: runID)
                    == RunProgress(seeded: true, total: 200, done: 200, leased: 0))
            #expect(try await workers[2].claimNext(runID: runID) == .allDone)
        }
    }

    @Test func aWorkerThatStopsBeatingLosesItsClaimsToAnother() async throws {
        try await withWorkers(2) { workers in
            let (dying, survivor) = (workers[0], workers[1])
            let runID = try await Self.start(workers, connections: 10)
            var held: [ConnectionID] = []
            for _ in 0..<4 {
                guard case .claimed(let claim) = try await dying.claimNext(runID: runID) else { break }
                held.append(claim.connection)
            }
            #expect(held == Array(Self.connections(4)))
            // Beating for two leases: the survivor does the rest and waits, never taking these.
            let beating = Task { try await dying.keepAlive(runID: runID) }
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(2)
            var taken: [ConnectionClaim] = []
            while clock.now < deadline {
                switch try await survivor.claimNext(runID: runID) {
                case .claimed(let claim):
                    taken.append(claim)
                    try await survivor.markDone(runID: runID, connection: claim.connection, status: .ok)
                case .waiting(let delay): try await Task.sleep(for: delay)
                case .allDone: Issue.record("all done while the dying worker held four")
                }
            }
            #expect(taken.map(\.connection) == Array(Self.connections(10).dropFirst(4)))
            #expect(try await dying.heartbeat(runID: runID) == Set(held))
            // It dies: its leases run out and the survivor resumes its connections.
            beating.cancel()
            _ = await beating.result
            let resumed = try await Self.drain(survivor, runID: runID)
            #expect(resumed.map(\.connection) == held)
            #expect(resumed.allSatisfy { $0.attempt == 2 && $0.previousWorker == dying.worker })
            // Back from the dead, it holds nothing and cannot mark what it held done.
            #expect(try await dying.heartbeat(runID: runID).isEmpty)
            #expect(try await !dying.markDone(runID: runID, connection: held[0], status: .ok))
            #expect(try await survivor.isEverythingDone(runID: runID))
        }
    }

    @Test func statusShowsTheWorkersTheirClaimsAndLeases() async throws {
        try await withWorkers(2, timing: RunCoordinationTiming(lease: .seconds(30))) { workers in
            let runID = try await Self.start(workers, connections: 5)
            for worker in workers + [workers[0]] { _ = try await worker.claimNext(runID: runID) }
            try await workers[1].markDone(runID: runID, connection: Self.connections(5)[1], status: .partial)
            let status = try #require(try await workers[1].status(period: Self.period))
            #expect(status.runID == runID && status.parameters == Self.parameters)
            #expect(status.progress == RunProgress(seeded: true, total: 5, done: 1, leased: 2))
            #expect(status.workers.map(\.id) == workers.map(\.worker))
            #expect(
                status.workers[0].claims.map(\.connection) == [
                    Self.connections(5)[0], Self.connections(5)[2],
                ])
            #expect(status.workers[1].claims.isEmpty)
            let leases = status.workers[0].claims.compactMap(\.leaseLeft)
            #expect(leases.count == 2 && leases.allSatisfy { $0 > 20 && $0 <= 30 }, "\(leases)")
            #expect(status.renderer == nil && status.publishedAt == nil && status.exitStatus == nil)
            #expect(try await workers[0].status(period: Period("2026-09")!) == nil)
        }
    }
}
