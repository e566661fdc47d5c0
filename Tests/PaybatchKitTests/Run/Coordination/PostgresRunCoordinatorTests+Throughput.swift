import Foundation
import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

extension PostgresRunCoordinatorTests {
    /// Issue 22's figure: how many claims a second PostgreSQL sustains here for 10,000
    /// connections, with 1 and 4 workers, each claim followed by its connection marked done (a
    /// worker holds a few claims at a time, so done connections leave the claim's index as it goes).
    /// Run by hand, never timed against a bound (CONTRIBUTING.md), as it takes a minute or two:
    /// `PAYBATCH_MEASURE=1 Scripts/with-postgres.sh -- swift test --skip-build --filter claimsPerSecond`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PAYBATCH_MEASURE"] != nil))
    func claimsPerSecondFor10000Connections() async throws {
        for count in [1, 4] {
            let (seeding, claiming) = try await withWorkers(count) { workers in
                let clock = ContinuousClock()
                let seedStart = clock.now
                let runID = try await Self.start(workers, connections: 10_000)
                let seeding = clock.now - seedStart
                let start = clock.now
                let claimed = try await withThrowingTaskGroup(of: Int.self) { group in
                    for worker in workers {
                        group.addTask { try await Self.drain(worker, runID: runID).count }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(claimed == 10_000)
                return (seeding, clock.now - start)
            }
            let seconds = Self.seconds(claiming)
            print(
                "claims/s with \(count) worker(s), 10,000 connections: \(Int(10_000 / seconds)) (\(claiming) claiming, seeding took \(seeding))"
            )
            #expect(seconds > 0)
        }
        // The floor: round trips of a statement that does nothing, from one worker.
        let url = try await TestPostgres.freshDatabase()
        let elapsed = try await PostgresPool.with(url, password: nil, maximumConnections: 1) { client in
            let start = ContinuousClock().now
            for _ in 0..<2000 { try await client.query("SELECT 1") }
            return ContinuousClock().now - start
        }
        print("SELECT 1 round trips/s from one worker: \(Int(2000 / Self.seconds(elapsed)))")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
