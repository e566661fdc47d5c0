/// Finch's application limits per product bucket plus the per-IP ceiling, scaled as SPEC §3 says.
struct RateLimiter: Sendable {
    /// Finch's published per-minute numbers (API.md §9); the jobs endpoints' are not published,
    /// and get the organization endpoints' 20, as paybatch's `jobs` bucket does.
    static let perMinute: [String: Int] = [
        "company": 20, "directory": 20, "individual": 20, "employment": 20, "payment": 12, "benefits": 20,
        "pay_statement": 12, "jobs": 20,
    ]
    static let ipCapacity = 1000

    /// The outcome of asking the limiter.
    enum Verdict: Equatable {
        case admitted
        /// Refused with `finch_code`, and the seconds until a retry can succeed.
        case refused(finchCode: String, retryAfter: Double)
    }

    let scale: Double
    private var buckets: [String: SlidingWindow] = [:]
    private var ip: SlidingWindow
    private var lockedUntil: Double?

    init(scale: Double) {
        self.scale = scale
        ip = SlidingWindow(capacity: RateLimiter.ipCapacity, window: scale > 0 ? 300 / scale : 0)
    }

    /// The per-IP check every request passes; going over locks out for 60/s minutes.
    mutating func admitIP(at t: Double) -> Verdict {
        guard scale > 0 else { return .admitted }
        if let until = lockedUntil {
            if t < until { return .refused(finchCode: "finch_api_ip_rl", retryAfter: until - t) }
            lockedUntil = nil
        }
        if ip.admit(at: t) != nil {
            let until = t + 3600 / scale
            lockedUntil = until
            return .refused(finchCode: "finch_api_ip_rl", retryAfter: until - t)
        }
        return .admitted
    }

    /// The application's per-product check.
    mutating func admit(bucket: String, at t: Double) -> Verdict {
        guard scale > 0, let n = RateLimiter.perMinute[bucket] else { return .admitted }
        var window = buckets[bucket] ?? SlidingWindow(capacity: n, window: 60 / scale)
        defer { buckets[bucket] = window }
        if let wait = window.admit(at: t) {
            return .refused(finchCode: "finch_application_rl", retryAfter: wait)
        }
        return .admitted
    }
}
