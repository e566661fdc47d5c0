import PaybatchKit
import Testing

/// The one-process coordinator of a SQLite store runs the same loop as the shared one.
@Suite("Run coordination in one process")
struct LocalRunCoordinatorTests {
    let period = Period("2026-10")!
    let parameters = SharedRunParameters(
        only: ["b", "a"], fresh: false, formats: ["csv"], templates: nil, keepRuns: 2, out: "out")

    @Test func oneWorkerClaimsEachConnectionInOrderRendersAndPublishes() async throws {
        let local = LocalRunCoordinator(
            worker: "host:1:00000001",
            timing: RunCoordinationTiming(lease: .milliseconds(60), poll: .milliseconds(10)))
        let join = try await local.join(
            period: period, parameters: parameters, proposedRunID: "run-1", joinWindow: .seconds(600))
        #expect(join == .started(runID: "run-1"))
        #expect(try await local.claimNext(runID: "run-1") == .waiting(retryAfter: .milliseconds(10)))
        #expect(try await local.seed(runID: "run-1", connections: ["c1", "c2"]))
        #expect(try await !local.seed(runID: "run-1", connections: ["c3"]))
        #expect(
            try await local.claimNext(runID: "run-1")
                == .claimed(.init(connection: "c1", attempt: 1, previousWorker: nil)))
        #expect(
            try await local.claimNext(runID: "run-1")
                == .claimed(.init(connection: "c2", attempt: 1, previousWorker: nil)))
        // Both in flight in this process: wait for them, not done yet.
        #expect(try await local.claimNext(runID: "run-1") == .waiting(retryAfter: .milliseconds(10)))
        #expect(try await local.heartbeat(runID: "run-1") == ["c1", "c2"])
        #expect(try await !local.electRenderer(runID: "run-1"))
        #expect(try await local.markDone(runID: "run-1", connection: "c2", status: .partial))
        #expect(try await !local.markDone(runID: "run-1", connection: "c2", status: .ok))
        let status = try #require(await local.status(period: period))
        #expect(status.workers.count == 1 && status.workers[0].claims.map(\.connection) == ["c1"])
        #expect(status.workers[0].claims[0].leaseLeft == nil && status.parameters.only == ["a", "b"])
        #expect(try await local.markDone(runID: "run-1", connection: "c1", status: .ok))
        #expect(try await local.claimNext(runID: "run-1") == .allDone)
        #expect(try await local.isEverythingDone(runID: "run-1"))
        #expect(try await local.waitForPublication(runID: "run-1") == .renderHere)
        #expect(try await local.markPublished(runID: "run-1", exitStatus: .partial))
        #expect(try await !local.markPublished(runID: "run-1", exitStatus: .ok))
        #expect(try await local.waitForPublication(runID: "run-1") == .published(.partial))
        #expect(await local.status(period: period)?.exitStatus == .partial)
        #expect(await local.status(period: Period("2026-09")!) == nil)
    }

    @Test func followsTheContractOfEveryCoordinator() async throws {
        try await RunCoordinatorContract.oneWorkerExportsAndPublishes(LocalRunCoordinator())
    }

    @Test func anotherRunIdIsABug() async throws {
        let local = LocalRunCoordinator()
        _ = try await local.join(
            period: period, parameters: parameters, proposedRunID: "r", joinWindow: .zero)
        await #expect(throws: RunStop.self) { try await local.claimNext(runID: "other") }
        await #expect(throws: RunStop.self) {
            try await local.join(
                period: period, parameters: parameters, proposedRunID: "r2", joinWindow: .zero)
        }
    }

    @Test func parametersNameTheirDifferencesInTheHelpsOrderAndIgnoreOrderWithinLists() {
        let same = SharedRunParameters(
            only: ["a", "b"], fresh: false, formats: ["csv"], templates: nil, keepRuns: 2, out: "out")
        #expect(parameters.differences(from: same).isEmpty && parameters == same)
        var other = same
        other.templates = "t"
        other.fresh = true
        #expect(other.differences(from: same) == ["--fresh", "--templates"])
        var options = ExportOptions(period: period, outputRoot: "/srv/out")
        options.writeXLSX = false
        options.only = ["z", "y"]
        #expect(
            SharedRunParameters(options)
                == SharedRunParameters(
                    only: ["y", "z"], fresh: false, formats: ["csv"], templates: nil, keepRuns: 2,
                    out: "/srv/out"))
    }

    @Test func aWorkerIdIsHostPidAndARandomSuffix() {
        var random = FixedRandom()
        let id = WorkerID(host: "node-a", pid: 4242, random: &random)
        #expect(id.rawValue == "node-a:4242:0000002a" && id.host == "node-a")
        #expect(WorkerID.current() != WorkerID.current())
    }
}

/// Always 42.
private struct FixedRandom: RandomNumberGenerator {
    mutating func next() -> UInt64 { 42 }
}
