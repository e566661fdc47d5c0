import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Every instant at which a trailing window of `window` holds more than `limit` of `times`.
private func overfull(_ times: [Duration], limit: Int, window: Duration) -> [Duration] {
    let sorted = times.sorted()
    var violations: [Duration] = []
    for (index, time) in sorted.enumerated() where index >= limit {
        // The window ending at `time` (exclusive of instants at or before time − window).
        if sorted[index - limit] > time - window { violations.append(time) }
    }
    return violations
}

@Suite("Rate limiter")
struct RateLimiterTests {
    @Test func slidingWindowAdmitsLimitThenWaitsForTheOldest() {
        var window = SlidingWindow(limit: 3, window: .seconds(10))
        for t in [0, 1, 2] {
            #expect(window.earliestStart(notBefore: .seconds(t)) == .seconds(t))
            window.record(.seconds(t))
        }
        #expect(window.earliestStart(notBefore: .seconds(3)) == .seconds(10))
        window.record(.seconds(10))
        #expect(window.earliestStart(notBefore: .seconds(10)) == .seconds(11))
    }

    @Test func windowsScaleWithTheRateScale() {
        let config = RateLimitConfiguration(scale: 60, safetyMargin: 0)
        #expect(config.bucketWindow == .seconds(1))
        #expect(config.ipWindow == .seconds(5))
        #expect(config.limit(for: .payStatement) == 12)
        let raised = RateLimitConfiguration(scale: 1, perMinuteOverrides: [.payment: 40])
        #expect(raised.limit(for: .payment) == 40)
        #expect(raised.limit(for: .company) == 20)
    }

    @Test func lowerBoundCountsFullWindows() {
        let config = RateLimitConfiguration(scale: 60, safetyMargin: 0)
        #expect(config.lowerBound(calls: [.payStatement: 12], totalRequests: 12) == .zero)
        #expect(config.lowerBound(calls: [.payStatement: 13], totalRequests: 13) == .seconds(1))
        #expect(
            config.lowerBound(calls: [.company: 41, .payStatement: 13], totalRequests: 54) == .seconds(2))
    }

    @Test func fiftyConcurrentCallersNeverOverfillAWindow() async throws {
        let clock = TestClock()
        let config = RateLimitConfiguration(scale: 1, ipLimit: 30, safetyMargin: 0)
        let limiter = RateLimiter(configuration: config, clock: clock)
        let buckets: [RateLimitBucket?] = RateLimitBucket.allCases + [nil]
        let admissions = try await withThrowingTaskGroup(of: (RateLimitBucket?, [Duration]).self) { group in
            for caller in 0..<50 {
                let bucket = buckets[caller % buckets.count]
                group.addTask {
                    var times: [Duration] = []
                    for _ in 0..<6 { times.append(try await limiter.acquire(bucket)) }
                    return (bucket, times)
                }
            }
            var all: [(RateLimitBucket?, [Duration])] = []
            for try await result in group { all.append(result) }
            return all
        }
        var perBucket: [RateLimitBucket: [Duration]] = [:]
        var everything: [Duration] = []
        for (bucket, times) in admissions {
            if let bucket { perBucket[bucket, default: []].append(contentsOf: times) }
            everything.append(contentsOf: times)
        }
        #expect(everything.count == 300)
        for (bucket, times) in perBucket {
            #expect(
                overfull(times, limit: config.limit(for: bucket), window: config.bucketWindow).isEmpty,
                "\(bucket)")
        }
        #expect(overfull(everything, limit: 30, window: config.ipWindow).isEmpty)
        // It paced rather than refused: the work took time on the virtual clock.
        #expect(clock.now() > config.ipWindow)
    }

    @Test func callersOfOneBucketAreServedInArrivalOrder() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(
            configuration: RateLimitConfiguration(scale: 1, safetyMargin: 0), clock: clock)
        for _ in 0..<12 { try await limiter.acquire(.payment) }
        var order: [Int] = []
        for caller in 0..<3 {
            try await limiter.acquire(.payment)
            order.append(caller)
        }
        #expect(order == [0, 1, 2])
        #expect(clock.now() == .seconds(60))
    }

    @Test func aHeldBucketWaitsWithoutBlockingOthers() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(
            configuration: RateLimitConfiguration(scale: 1, safetyMargin: 0), clock: clock)
        await limiter.hold(.payment, until: .seconds(30))
        #expect(try await limiter.acquire(.company) == .zero)
        #expect(try await limiter.acquire(.payment) == .seconds(30))
    }

    @Test func unpacedAdmitsAtOnce() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(configuration: .unpaced, clock: clock)
        for _ in 0..<1000 { try await limiter.acquire(.payStatement) }
        #expect(clock.now() == .zero)
    }

    @Test func waitingCallersWithAPriorityAreServedLowestFirst() async throws {
        let clock = HeldClock()
        let limiter = RateLimiter(
            configuration: RateLimitConfiguration(
                scale: 60, perMinuteOverrides: [.payment: 1], safetyMargin: 0),
            clock: clock)
        try await limiter.acquire(.payment)
        // The next caller waits for the window (held); three more queue behind it meanwhile.
        let first = Task { try await limiter.acquire(.payment) }
        try await clock.untilSleeping()
        let admitted = Task {
            try await withThrowingTaskGroup(of: (Int, Duration).self) { group in
                for priority in [5, 1, 3] {
                    group.addTask {
                        (
                            priority,
                            try await CallPriority.$current.withValue(priority) {
                                try await limiter.acquire(.payment)
                            }
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(200))  // all three are queued by now
        clock.release()
        #expect(try await first.value == .seconds(1))
        let admissions = try await admitted.value.sorted { $0.1 < $1.1 }
        #expect(admissions.map(\.0) == [1, 3, 5])
        #expect(admissions.map(\.1) == [.seconds(2), .seconds(3), .seconds(4)])
    }
}

/// A clock whose first sleep lasts until `release()`; later sleeps end at once at their deadline.
private final class HeldClock: PaybatchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current = Duration.zero
    private var held: CheckedContinuation<Void, Never>?
    private var released = false
    private var sleeping = false

    func now() -> Duration { lock.withLock { current } }

    func sleep(until deadline: Duration) async throws {
        await withCheckedContinuation { continuation in
            let wait = lock.withLock {
                if !released && held == nil && !sleeping {
                    sleeping = true
                    held = continuation
                    return true
                }
                return false
            }
            if !wait { continuation.resume() }
        }
        lock.withLock { current = max(current, deadline) }
    }

    func untilSleeping() async throws {
        while !lock.withLock({ sleeping }) { try await Task.sleep(for: .milliseconds(5)) }
    }

    func release() {
        let continuation = lock.withLock {
            released = true
            defer { held = nil }
            return held
        }
        continuation?.resume()
    }
}
