import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 5: a run still `running` whose process is gone shows as `interrupted`, and
/// needs attention.
@Suite struct InterruptedRunStatusTests {
    static func store(running ids: [String]) throws -> (TempStore, SQLiteStore) {
        let temp = try TempStore()
        let store = try temp.open()
        let period = try #require(Period("2026-10"))
        for (offset, id) in ids.enumerated() {
            try store.createRun(
                RunRecord(
                    runID: id, period: period, command: "export",
                    startedAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(offset))))
        }
        return (temp, store)
    }

    @Test func aRunningRunWithoutALiveLockHolderIsInterrupted() async throws {
        let (temp, store) = try Self.store(running: ["r1"])
        #expect(StoreLockState.read(databasePath: temp.databasePath) == .free)
        let report = try await RosterStatusReport(store: SQLiteStoreActor(store), lock: .free)
        #expect(report.runs.map(\.status) == ["interrupted"])
        #expect(report.needsAttention)
        #expect(report.attention.contains { $0.contains("interrupted") && $0.contains("2026-10") })
        #expect(try report.json().contains(#""status" : "interrupted""#))
    }

    @Test func whileALiveProcessHoldsTheLockTheLatestRunningRunIsRunning() async throws {
        let (temp, store) = try Self.store(running: ["old", "new"])
        let lock = try await StoreLock.acquire(
            databasePath: temp.databasePath, owner: LockOwner.current(startedAt: Date()), sleep: { _ in })
        let state = StoreLockState.read(databasePath: temp.databasePath)
        #expect(state != .free)
        let report = try await RosterStatusReport(store: SQLiteStoreActor(store), lock: state)
        #expect(
            Dictionary(uniqueKeysWithValues: report.runs.map { ($0.runID, $0.status) }) == [
                "new": "running", "old": "interrupted",
            ])
        lock.release()
        #expect(StoreLockState.read(databasePath: temp.databasePath) == .free)
    }

    @Test func aLockLeftByADeadProcessIsFree() async throws {
        let temp = try TempStore()
        _ = try temp.open()
        let dead = LockOwner(pid: Int32.max - 1, host: LockOwner.localHost, startedAt: Date())
        try Data(dead.fileText.utf8).write(
            to: URL(fileURLWithPath: StoreLock.lockPath(forDatabase: temp.databasePath)))
        #expect(StoreLockState.read(databasePath: temp.databasePath) == .free)
    }
}
