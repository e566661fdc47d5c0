import PaybatchKit
import Testing

/// The loop an export runs on either coordinator, so that one code path serves both stores:
/// checked against `LocalRunCoordinator` and `PostgresRunCoordinator` alike.
enum RunCoordinatorContract {
    static func oneWorkerExportsAndPublishes(_ coordinator: some RunCoordinator) async throws {
        let parameters = SharedRunParameters(
            only: [], fresh: false, formats: ["csv"], templates: nil, keepRuns: 2, out: "out")
        let period = Period("2026-11")!
        let join = try await coordinator.join(
            period: period, parameters: parameters, proposedRunID: "contract", joinWindow: .seconds(600))
        #expect(join == .started(runID: "contract"))
        #expect(try await coordinator.seed(runID: "contract", connections: ["a", "b", "c"]))
        var statuses: [ExportStatus] = [.ok, .partial, .failed]
        var claimed: [ConnectionID] = []
        loop: while true {
            switch try await coordinator.claimNext(runID: "contract") {
            case .claimed(let claim):
                claimed.append(claim.connection)
                let done = try await coordinator.markDone(
                    runID: "contract", connection: claim.connection, status: statuses.removeFirst())
                #expect(done)
            case .waiting(let delay): try await Task.sleep(for: delay)
            case .allDone: break loop
            }
        }
        #expect(claimed == ["a", "b", "c"])
        #expect(
            try await coordinator.progress(runID: "contract")
                == RunProgress(seeded: true, total: 3, done: 3, leased: 0))
        #expect(try await coordinator.electRenderer(runID: "contract"))
        #expect(try await coordinator.markPublished(runID: "contract", exitStatus: .partial))
        #expect(try await coordinator.waitForPublication(runID: "contract") == .published(.partial))
        let status = try #require(try await coordinator.status(period: period))
        #expect(status.workers.map(\.id) == [coordinator.worker] && status.renderer == coordinator.worker)
        #expect(status.exitStatus == .partial && status.workers[0].claims.isEmpty)
    }
}
