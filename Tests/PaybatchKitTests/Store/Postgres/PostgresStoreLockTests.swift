import Foundation
import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

/// Issue 22's lock on a PostgreSQL store: exports share it, a command that rewrites the store
/// holds it alone, and whoever finds it busy is told who holds it, as with SQLite's flock.
@Suite("PostgreSQL store lock", .needsPostgres, .serialized, .timeLimit(.minutes(1)))
struct PostgresStoreLockTests {
    static let started = Date(timeIntervalSince1970: 1_795_000_000)
    let firstExport = LockOwner(pid: 4242, host: "worker-1", startedAt: Self.started)
    let secondExport = LockOwner(pid: 4343, host: "worker-2", startedAt: Self.started + 1)
    let rewriter = LockOwner(pid: 5151, host: "admin-host", startedAt: Self.started + 2)

    /// Runs `body` holding the lock of `kind` as `owner`; no waiting unless `wait` says so.
    func holding<Value: Sendable>(
        _ kind: StoreLockKind, as owner: LockOwner, client: PostgresClient, url: PostgresURL,
        wait: Duration = .zero, sleep: (Duration) async throws -> Void = { _ in },
        _ body: () async throws -> Value
    ) async throws -> Value {
        try await PostgresStoreLock.holding(
            kind, client: client, url: url, owner: owner,
            polling: LockPolling(wait: wait, pollInterval: .milliseconds(100)), sleep: sleep, body)
    }

    /// Runs `body` expecting `StoreLockBusy`, and returns it.
    func busy(_ body: () async throws -> Void) async throws -> StoreLockBusy {
        do {
            try await body()
        } catch let busy as StoreLockBusy {
            return busy
        }
        throw RunStop(.software, "the lock was taken though another process held it")
    }

    @Test func twoExportsShareItAndARewriteWaitsForBoth() async throws {
        let url = try await TestPostgres.freshDatabase()
        try await PostgresPool.with(url, password: nil, maximumConnections: 4) { client in
            #expect(try await PostgresStoreLock.state(client: client) == .free)
            try await holding(.shared, as: firstExport, client: client, url: url) {
                try await holding(.shared, as: secondExport, client: client, url: url) {
                    let refused = try await busy {
                        try await holding(.exclusive, as: rewriter, client: client, url: url) {}
                    }
                    #expect(refused.exitStatus == .temporary)
                    // The oldest holder is named: its pid, host and start time, as SQLite's says.
                    #expect(refused.holder == firstExport, "\(refused.message)")
                    #expect(
                        refused.message.contains("pid 4242 on host worker-1, started 2026-11-18T11:06:40"))
                    #expect(refused.message.contains("the advisory lock of \(url)"))
                    #expect(try await PostgresStoreLock.state(client: client) == .held(firstExport))
                }
            }
            // Both exports ended: the rewrite takes it.
            let value = try await holding(.exclusive, as: rewriter, client: client, url: url) { 7 }
            #expect(value == 7)
            #expect(try await PostgresStoreLock.state(client: client) == .free)
        }
    }

    @Test func aRewriteKeepsExportsOutAndWaitingGivesUpAfterWaitLock() async throws {
        let url = try await TestPostgres.freshDatabase()
        try await PostgresPool.with(url, password: nil, maximumConnections: 4) { client in
            try await holding(.exclusive, as: rewriter, client: client, url: url) {
                let slept = SleepLog()
                let refused = try await busy {
                    try await holding(
                        .shared, as: firstExport, client: client, url: url, wait: .milliseconds(300),
                        sleep: { await slept.add($0) }
                    ) {}
                }
                #expect(refused.holder == rewriter)
                #expect(refused.message.contains("after waiting"))
                #expect(await slept.total == .milliseconds(300))
                // Another rewrite is kept out too.
                let second = try await busy {
                    try await holding(.exclusive, as: secondExport, client: client, url: url) {}
                }
                #expect(second.holder == rewriter)
            }
        }
    }

    @Test func aWaitingExportGetsTheLockOnceTheRewriteEnds() async throws {
        let url = try await TestPostgres.freshDatabase()
        try await PostgresPool.with(url, password: nil, maximumConnections: 4) { client in
            let (ended, end) = AsyncStream<Void>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                let taken = AsyncStream<Void>.makeStream()
                group.addTask {
                    try await holding(.exclusive, as: rewriter, client: client, url: url) {
                        taken.continuation.yield()
                        for await _ in ended { break }
                    }
                }
                for await _ in taken.stream { break }
                // The export's first wait lets the rewrite end; it then takes the lock.
                let value = try await holding(
                    .shared, as: firstExport, client: client, url: url, wait: .seconds(10),
                    sleep: { step in
                        end.yield()
                        try await Task.sleep(for: step)
                    }
                ) { "exported" }
                #expect(value == "exported")
                try await group.waitForAll()
            }
        }
    }

    @Test func theHolderReleasesItWhenItsBodyFails() async throws {
        let url = try await TestPostgres.freshDatabase()
        try await PostgresPool.with(url, password: nil, maximumConnections: 2) { client in
            await #expect(throws: RunStop.self) {
                try await holding(.exclusive, as: rewriter, client: client, url: url) {
                    throw RunStop(.dataError, "the body failed")
                }
            }
            try await holding(.exclusive, as: secondExport, client: client, url: url) {}
        }
    }
}

/// The pauses a waiting lock took.
actor SleepLog {
    private(set) var total = Duration.zero
    func add(_ step: Duration) { total += step }
}
