/// Finch's per-application, per-product rate-limit buckets; the names are SPEC §3's, used in
/// run.json, `[rate_limits]`, `--dry-run` and the sandbox's counters.
public enum RateLimitBucket: String, Sendable, CaseIterable, Codable, Comparable {
    case company, directory, individual, employment, payment
    case payStatement = "pay_statement"

    /// Finch's published requests per minute (API.md §9).
    public var finchPerMinute: Int {
        switch self {
        case .company, .directory, .individual, .employment: 20
        case .payment, .payStatement: 12
        }
    }

    public static func < (lhs: RateLimitBucket, rhs: RateLimitBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
