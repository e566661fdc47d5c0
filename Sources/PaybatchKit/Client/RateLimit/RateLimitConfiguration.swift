/// The limits paybatch paces itself to (SPEC §3): Finch's published per-minute numbers per
/// bucket, scaled, optionally raised per bucket, plus the per-IP ceiling; all of them cut to the
/// budget share paybatch leaves itself (issue 22).
public struct RateLimitConfiguration: Sendable, Equatable {
    /// Multiplies every limit: 1 = Finch's numbers, 60 = the same numbers per second, 0 = no pacing.
    public var scale: Double
    /// `[rate_limits]` overrides of a bucket's per-minute number.
    public var perMinuteOverrides: [RateLimitBucket: Int]
    /// Requests per 5 minutes paybatch allows itself from this IP (Finch refuses past 1,000).
    public var ipLimit: Int
    /// Extra room added to every window, as a fraction of it, so that requests that started just
    /// far enough apart still arrive far enough apart after network jitter.
    public var safetyMargin: Double
    /// `--budget-share`: the fraction (0 < F ≤ 1) of every limit, per-IP included, that paybatch
    /// takes, leaving the rest of the application's budget to the operator's own calls.
    public var budgetShare: Double

    public init(
        scale: Double = 1, perMinuteOverrides: [RateLimitBucket: Int] = [:], ipLimit: Int = 900,
        safetyMargin: Double = 0.02, budgetShare: Double = 1
    ) {
        self.scale = scale
        self.perMinuteOverrides = perMinuteOverrides
        self.ipLimit = ipLimit
        self.safetyMargin = safetyMargin
        self.budgetShare = budgetShare
    }

    /// No pacing at all, for a sandbox without limits.
    public static let unpaced = RateLimitConfiguration(scale: 0)

    public var isPaced: Bool { scale > 0 }

    /// The requests a bucket admits per window (its window: `window(for:)`).
    public func limit(for bucket: RateLimitBucket) -> Int { shared(unshared(bucket)).limit }

    /// The requests per `ipWindow` paybatch allows itself from this IP.
    public var sharedIPLimit: Int { shared(ipLimit).limit }

    /// A bucket's window before the budget share: 60/s seconds, the published numbers being per minute.
    public var bucketWindow: Duration { scaled(seconds: 60) }

    /// A bucket's window: `bucketWindow`, unless its share is less than one call a window.
    public func window(for bucket: RateLimitBucket) -> Duration {
        scaled(seconds: 60 * shared(unshared(bucket)).stretch)
    }

    /// The per-IP window: 300/s seconds (Finch counts 1,000 per five minutes).
    public var ipWindow: Duration { scaled(seconds: 300 * shared(ipLimit).stretch) }

    private func unshared(_ bucket: RateLimitBucket) -> Int {
        perMinuteOverrides[bucket] ?? bucket.finchPerMinute
    }

    /// N·F calls a window, rounded down (the epsilon keeps 20 × 0.15 at 3); a share of less than
    /// one call keeps one call in a window stretched to 1/(N·F) windows, so the pace stays N·F.
    private func shared(_ limit: Int) -> (limit: Int, stretch: Double) {
        let share = Double(limit) * budgetShare
        guard share < 1 else { return (Int((share + 1e-9).rounded(.down)), 1) }
        return (1, 1 / share)
    }

    private func scaled(seconds: Double) -> Duration {
        guard scale > 0 else { return .zero }
        return .milliseconds(Int64((seconds / scale * (1 + safetyMargin) * 1000).rounded(.up)))
    }

    /// The least time the limits allow for a number of calls per bucket (and in all, per IP):
    /// N calls in a bucket of limit L need ⌈N/L⌉−1 full windows after the first burst.
    public func lowerBound(calls: [RateLimitBucket: Int], totalRequests: Int) -> Duration {
        guard isPaced else { return .zero }
        var bound = Duration.zero
        for (bucket, n) in calls where n > 0 {
            bound = max(bound, window(for: bucket) * ((n - 1) / limit(for: bucket)))
        }
        if totalRequests > 0 { bound = max(bound, ipWindow * ((totalRequests - 1) / sharedIPLimit)) }
        return bound
    }
}
