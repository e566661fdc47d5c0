import Dispatch
import Foundation
import Testing

@testable import FinchSandbox

/// The sandbox's state under requests from many threads at once, as the HTTP server's event
/// loops send them: every call counted, none lost. Under `make sanitize-thread` these are the
/// contended locks that `Synchronization.Mutex` hid from the sanitizer (reported as races).
@Suite struct ConcurrentStateTests {
    @Test func requestsFromManyThreadsAreEachCounted() {
        let sandbox = TestSandbox()
        let token = sandbox.connection(.normal).accessToken
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<50 { _ = sandbox.get("/employer/company", token: token) }
        }
        let counters = sandbox.engine.counters()
        #expect(counters.buckets["company"]?.calls == 400)
        #expect(counters.endpoints["GET /employer/company"]?.statuses == ["200": 400])
    }

    @Test func lockedValueIsMutuallyExclusive() {
        let locked = Locked([Int: Int]())
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for i in 0..<2_000 { locked.withLock { $0[i % 16, default: 0] += 1 } }
        }
        #expect(locked.withLock { $0.values.reduce(0, +) } == 16_000)
    }
}
