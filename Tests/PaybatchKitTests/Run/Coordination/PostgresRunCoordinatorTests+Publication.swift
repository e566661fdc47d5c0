import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

extension PostgresRunCoordinatorTests {
    @Test func exactlyOneOfManyRacingWorkersIsElectedToRender() async throws {
        // A long lease: this is about the race, and on a loaded machine a one-second lease can end
        // between two racers' statements — then a second election is right (a lost renderer).
        try await withWorkers(8, timing: RunCoordinationTiming(lease: .seconds(60))) { workers in
            // Five rounds, one period each, for five races.
            for month in 1...5 {
                let period = Period(year: 2026, month: month)!
                let runID = try await Self.start(workers, connections: 3, period: period)
                // Not before every connection is done.
                #expect(try await !workers[3].electRenderer(runID: runID))
                _ = try await Self.drain(workers[1], runID: runID)
                let elected = try await withThrowingTaskGroup(of: WorkerID?.self) { group in
                    for worker in workers {
                        group.addTask { try await worker.electRenderer(runID: runID) ? worker.worker : nil }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }.compactMap { $0 }
                }
                #expect(elected.count == 1, "\(elected)")
                let renderer = try #require(workers.first { $0.worker == elected.first })
                #expect(try await renderer.electRenderer(runID: runID))
                #expect(try await renderer.markPublished(runID: runID, exitStatus: .ok))
            }
        }
    }

    @Test func aRendererThatDiesIsReplacedAndEveryWaiterSeesThePublishedCode() async throws {
        try await withWorkers(4) { workers in
            let runID = try await Self.start(workers, connections: 2)
            _ = try await Self.drain(workers[0], runID: runID)
            #expect(try await workers[0].electRenderer(runID: runID))
            // The renderer dies without beating; the three others wait, one takes over after its
            // lease and publishes 3 (partial), and every waiter exits with it.
            let outcomes = try await withThrowingTaskGroup(of: PublicationWait.self) { group in
                for worker in workers.dropFirst() {
                    group.addTask {
                        let wait = try await worker.waitForPublication(runID: runID)
                        if wait == .renderHere {
                            #expect(try await worker.markPublished(runID: runID, exitStatus: .partial))
                        }
                        return wait
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .renderHere }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == .published(.partial) }.count == 2, "\(outcomes)")
            // The dead renderer, back, can no longer publish, and sees the code too.
            #expect(try await !workers[0].markPublished(runID: runID, exitStatus: .ok))
            #expect(try await workers[0].waitForPublication(runID: runID) == .published(.partial))
            let status = try #require(try await workers[0].status(period: Self.period))
            #expect(status.exitStatus == .partial && status.publishedAt != nil)
            #expect(status.renderer != nil && status.renderer != workers[0].worker)
        }
    }

    @Test func followsTheContractOfEveryCoordinator() async throws {
        try await withWorkers(1) { try await RunCoordinatorContract.oneWorkerExportsAndPublishes($0[0]) }
    }

    @Test func aRendererThatBeatsKeepsItsRolePastItsLease() async throws {
        try await withWorkers(2) { workers in
            let (renderer, waiter) = (workers[0], workers[1])
            let runID = try await Self.start(workers, connections: 1)
            _ = try await Self.drain(renderer, runID: runID)
            #expect(try await renderer.electRenderer(runID: runID))
            let waiting = Task { try await waiter.waitForPublication(runID: runID) }
            // Rendering for more than two leases, beating all along.
            let beating = Task { try await renderer.keepAlive(runID: runID) }
            try await Task.sleep(for: .milliseconds(2500))
            #expect(try await renderer.markPublished(runID: runID, exitStatus: .ok))
            beating.cancel()
            _ = await beating.result
            #expect(try await waiting.value == .published(.ok))
        }
    }

    @Test func aJoinerWithOtherParametersIsToldEveryOneThatDiffers() async throws {
        try await withWorkers(2) { workers in
            let runID = try await Self.start([workers[0]], connections: 1)
            let same = SharedRunParameters(
                only: [], fresh: false, formats: ["xlsx", "csv"], templates: nil, keepRuns: 2, out: "out")
            #expect(
                try await Self.join(workers[1], parameters: same, proposing: "x")
                    == .joined(runID: runID))
            let other = SharedRunParameters(
                only: ["cust-042"], fresh: true, formats: ["csv"], templates: "tpl", keepRuns: 5,
                out: "elsewhere")
            let join = try await Self.join(workers[1], parameters: other, proposing: "x")
            let names = ["--only", "--fresh", "--formats", "--templates", "--keep-runs", "--out"]
            #expect(join == .parametersDiffer(runID: runID, names: names))
            var some = Self.parameters
            some.keepRuns = 3
            some.out = "/mnt/shared/out"
            #expect(
                try await Self.join(workers[1], parameters: some, proposing: "x")
                    == .parametersDiffer(runID: runID, names: ["--keep-runs", "--out"]))
            let stop = RunJoin.usageStop(period: Self.period, runID: runID, names: ["--keep-runs", "--out"])
            #expect(stop.exitStatus == .usage && stop.message.contains("--keep-runs, --out"))
            #expect(stop.remedy?.isEmpty == false)
            // Another period is another run.
            #expect(
                try await Self.join(
                    workers[1], period: Period("2026-09")!, parameters: other, proposing: "sept")
                    == .started(runID: "sept"))
        }
    }

    @Test func aWorkerArrivingWithinTheJoinWindowGetsThePublishedCodeAndLaterStartsAnew() async throws {
        try await withWorkers(3) { workers in
            let runID = try await Self.start([workers[0]], connections: 1)
            _ = try await Self.drain(workers[0], runID: runID)
            #expect(try await workers[0].electRenderer(runID: runID))
            #expect(try await workers[0].markPublished(runID: runID, exitStatus: .partial))
            // Even with other parameters: it does nothing, so they do not matter.
            var other = Self.parameters
            other.only = ["cust-1"]
            #expect(
                try await Self.join(workers[1], parameters: other, proposing: "x")
                    == .recentlyPublished(runID: runID, exitStatus: .partial))
            #expect(
                try await workers[1].status(period: Self.period)?.workers.map(\.id) == [workers[0].worker])
            try await Task.sleep(for: .milliseconds(300))
            #expect(
                try await Self.join(workers[2], proposing: "next", window: .milliseconds(200))
                    == .started(runID: "next"))
            #expect(try await workers[2].status(period: Self.period)?.runID == "next")
        }
    }

    @Test func freshStartsOverOnlyARunWhoseWorkersAreGone() async throws {
        try await withWorkers(2) { workers in
            let runID = try await Self.start([workers[0]], connections: 2)
            var fresh = Self.parameters
            fresh.fresh = true
            // Its worker is alive (it joined just now): --fresh is a differing parameter.
            #expect(
                try await Self.join(workers[1], parameters: fresh, proposing: "new")
                    == .parametersDiffer(runID: runID, names: ["--fresh"]))
            // No heartbeat for more than a lease: its workers are gone.
            try await Task.sleep(for: .milliseconds(1300))
            #expect(
                try await Self.join(workers[1], parameters: fresh, proposing: "new")
                    == .started(runID: "new"))
            #expect(try await workers[0].status(period: Self.period)?.runID == "new")
        }
    }
}
