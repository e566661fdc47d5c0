import PaybatchKit
import PaybatchTestSupport
import PostgresNIO
import Testing

/// Issue 22's one rate budget: processes that share a PostgreSQL database never start more calls
/// per window than the limit, together, and a 429 seen by one holds the bucket for all.
@Suite("Rate budget in PostgreSQL", .needsPostgres, .serialized, .timeLimit(.minutes(1)))
struct PostgresRateBudgetTests {
    /// 5 company calls per half second (scale 120), per-IP out of the way, no safety margin.
    static let limits = RateLimitConfiguration(
        scale: 120, perMinuteOverrides: [.company: 5], ipLimit: 1000, safetyMargin: 0)

    /// Runs `body` once per worker, all at once, each with a budget of its own over a connection
    /// of its own (one pool of `count` connections: a pool per worker, many at once on a loaded
    /// machine, once left a test waiting on a lease for ever, see the branch's report).
    func workers<Value: Sendable>(
        _ count: Int, url: PostgresURL, hostName: String = "worker-host",
        _ body: @escaping @Sendable (Int, PostgresRateBudget) async throws -> Value
    ) async throws -> [Value] {
        try await PostgresPool.with(url, password: nil, maximumConnections: count) { client in
            try await withThrowingTaskGroup(of: Value.self) { group in
                for index in 0..<count {
                    group.addTask {
                        let budget = PostgresRateBudget(
                            configuration: Self.limits, client: client, clock: SystemClock(),
                            hostName: hostName)
                        try await budget.prepare()
                        return try await body(index, budget)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }

    @Test func workersHammeringOneBucketNeverOverfillAWindow() async throws {
        let url = try await TestPostgres.freshDatabase()
        let admitted = AdmissionLog(wanted: 20)
        _ = try await workers(4, url: url) { _, budget in
            while await admitted.wantsMore {
                switch try await budget.take(.company) {
                case .admitted(let at): await admitted.add(at)
                case .wait(let delay): try await Task.sleep(for: min(delay, .milliseconds(20)))
                }
            }
        }
        let times = await admitted.times.sorted()
        #expect(times.count >= 20)
        // Any 0.5 s window holds at most 5 starts: the 6th start after any start is ≥ 0.5 s later.
        for index in times.indices.dropFirst(5) {
            #expect(times[index] - times[index - 5] >= 0.5, "starts \(times[(index - 5)...index])")
        }
        // The database's clock, not the workers': 20 starts at 5 a window span at least 3 windows.
        #expect(times.last! - times.first! >= 1.5)
    }

    @Test func aHoldFreezesTheBucketForEveryWorker() async throws {
        let url = try await TestPostgres.freshDatabase()
        let clock = SystemClock()
        // Long enough that the workers, however slow to start on a loaded machine, meet it.
        _ = try await workers(1, url: url) { _, budget in
            try await budget.hold(.company, until: clock.now() + .seconds(30))
        }
        let firstTakes = try await workers(3, url: url) { _, budget in try await budget.take(.company) }
        for take in firstTakes {
            guard case .wait(let delay) = take else {
                Issue.record("a held bucket admitted a call: \(take)")
                continue
            }
            #expect(delay > .seconds(10) && delay <= .seconds(30))
        }
        // Other buckets go on.
        let other = try await workers(1, url: url) { _, budget in try await budget.take(.payment) }
        guard case .admitted = other[0] else {
            Issue.record("payment was held too: \(other[0])")
            return
        }
    }

    @Test func callsResumeForEveryWorkerOnlyAfterTheHold() async throws {
        let url = try await TestPostgres.freshDatabase()
        let clock = SystemClock()
        let held = try await workers(1, url: url) { _, budget in
            let start = clock.now()
            try await budget.hold(.payment, until: start + .milliseconds(800))
            return start
        }[0]
        let admittedAfter = try await workers(3, url: url) { _, budget in
            try await budget.acquire(.payment)
            return clock.now() - held
        }
        // A few milliseconds of slack: the hold is on the database's clock, this on ours.
        #expect(admittedAfter.allSatisfy { $0 >= .milliseconds(780) }, "\(admittedAfter)")
    }

    @Test func aHoldLastsAtLeastUntilTheWindowOfTheNewestCallEnds() async throws {
        let url = try await TestPostgres.freshDatabase()
        // Windows of 30 s, so that the check does not depend on how fast this machine is.
        let slow = RateLimitConfiguration(scale: 2, ipLimit: 1000, safetyMargin: 0)
        let delay = try await PostgresPool.with(url, password: nil) { client in
            let budget = PostgresRateBudget(configuration: slow, client: client, clock: SystemClock())
            try await budget.prepare()
            guard case .admitted = try await budget.take(.company) else { return Duration.zero }
            // A 429 without Retry-After: a hold "until now" still waits out the window.
            try await budget.hold(.company, until: SystemClock().now())
            let free = try await budget.take(.directory)
            guard case .admitted = free, case .wait(let delay) = try await budget.take(.company) else {
                return Duration.zero
            }
            return delay
        }
        #expect(delay > .seconds(20) && delay <= .seconds(30))
    }
}

/// The admission instants (the database's clock, in seconds) the workers collect.
private actor AdmissionLog {
    let wanted: Int
    private(set) var times: [Double] = []
    init(wanted: Int) { self.wanted = wanted }
    var wantsMore: Bool { times.count < wanted }
    func add(_ time: Double) { times.append(time) }
}
