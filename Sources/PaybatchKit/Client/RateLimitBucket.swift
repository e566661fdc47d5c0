/// Finch's per-application, per-product rate-limit buckets; the names are SPEC §3's, used in
/// run.json, `[rate_limits]`, `--dry-run` and the sandbox's counters.
public enum RateLimitBucket: String, Sendable, CaseIterable, Codable, Comparable {
    case company, directory, individual, employment, payment
    case payStatement = "pay_statement"
    /// `/jobs/automated` (`paybatch refresh`, `export --refresh-first`).
    case jobs

    /// Finch's published requests per minute (API.md §9). Finch publishes none for the jobs
    /// endpoints; 20, the organization endpoints' number, until `[rate_limits] jobs` says better.
    public var finchPerMinute: Int {
        switch self {
        case .company, .directory, .individual, .employment, .jobs: 20
        case .payment, .payStatement: 12
        }
    }

    /// The buckets an export's data calls draw from: run.json's `calls` and `--dry-run`'s plan.
    public static let dataBuckets: [RateLimitBucket] = allCases.filter { $0 != .jobs }

    public static func < (lhs: RateLimitBucket, rhs: RateLimitBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
