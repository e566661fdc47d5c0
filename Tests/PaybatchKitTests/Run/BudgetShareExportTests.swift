import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 22: `--budget-share 0.5` paces an export to half of every limit, so the application's
/// other callers keep the other half.
@Suite("Budget share")
struct BudgetShareExportTests {
    @Test func anExportWithHalfTheBudgetNeverTakesMoreThanHalfOfAWindow() async throws {
        // The sandbox enforces Finch's limits per second; paybatch keeps to half of them.
        let fixture = try await ExportFixture(companies: 24, rateScale: 60)
        let limits = RateLimitConfiguration(scale: 60, budgetShare: 0.5)
        let recorder = AdmissionRecorder(inner: RateLimiter(configuration: limits, clock: SystemClock()))
        fixture.rateBudget = recorder
        _ = try await fixture.export()
        await fixture.stop()

        let admitted = await recorder.admitted
        for bucket in [RateLimitBucket.company, .payment] {
            let half = RateLimitConfiguration(scale: 60).limit(for: bucket) / 2
            #expect(limits.limit(for: bucket) == half)
            let times = admitted.filter { $0.bucket == bucket }.map(\.instant).sorted()
            // More calls than half a window admits, so the share had to pace them.
            #expect(times.count > half, "\(bucket): \(times.count) calls")
            for index in times.indices.dropFirst(half) {
                #expect(times[index] - times[index - half] >= limits.window(for: bucket), "\(bucket)")
            }
        }
        let counters = fixture.sandbox.counters()
        #expect(counters.buckets.values.allSatisfy { $0.refused == 0 } && counters.ipRefused == 0)
    }

    @Test func theShareCutsEveryLimitAndStretchesThePlan() {
        let full = RateLimitConfiguration(scale: 60, safetyMargin: 0)
        let half = RateLimitConfiguration(scale: 60, safetyMargin: 0, budgetShare: 0.5)
        #expect(half.limit(for: .company) == 10 && half.limit(for: .payStatement) == 6)
        #expect(half.sharedIPLimit == 450 && half.window(for: .company) == .seconds(1))
        #expect(full.lowerBound(calls: [.payStatement: 25], totalRequests: 25) == .seconds(2))
        #expect(half.lowerBound(calls: [.payStatement: 25], totalRequests: 25) == .seconds(4))
        // 20 × 0.15 is 3 calls, not 2.9999…
        #expect(RateLimitConfiguration(budgetShare: 0.15).limit(for: .company) == 3)
        // Less than one call a window: one call in a longer window, the same pace.
        let tiny = RateLimitConfiguration(scale: 60, safetyMargin: 0, budgetShare: 0.04)
        #expect(tiny.limit(for: .payment) == 1)
        #expect(tiny.window(for: .payment) == .milliseconds(2084))
        #expect(tiny.limit(for: .company) == 1 && tiny.window(for: .company) == .milliseconds(1250))
    }
}

/// A budget that remembers every admission its inner budget made, with its instant.
private actor AdmissionRecorder: RateBudget {
    nonisolated let configuration: RateLimitConfiguration
    let inner: RateLimiter
    private(set) var admitted: [(bucket: RateLimitBucket?, instant: Duration)] = []

    init(inner: RateLimiter) {
        self.inner = inner
        configuration = (inner as any RateBudget).configuration
    }

    func acquire(_ bucket: RateLimitBucket?) async throws -> Duration {
        let instant = try await inner.acquire(bucket)
        admitted.append((bucket, instant))
        return instant
    }

    func hold(_ bucket: RateLimitBucket?, until: Duration) async throws {
        await inner.hold(bucket, until: until)
    }
}
