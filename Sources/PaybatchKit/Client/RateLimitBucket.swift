/// Finch's per-application, per-product rate-limit buckets; the names are SPEC §3's, used in
/// run.json, `[rate_limits]`, `--dry-run` and the sandbox's counters.
public enum RateLimitBucket: String, Sendable, CaseIterable, Codable, Comparable {
    case company, directory, individual, employment, payment
    case payStatement = "pay_statement"
    /// The benefits endpoints: Finch publishes no limit for them (API.md §9), so 20 a minute, as
    /// the organization endpoints, unless `[rate_limits] benefits` says otherwise (issue 21).
    case benefits
    /// `/jobs/automated` (`paybatch refresh`, `export --refresh-first`).
    case jobs

    /// Finch's published requests per minute (API.md §9). Finch publishes none for the benefits
    /// and jobs endpoints: 20, the organization endpoints' number, until `[rate_limits]` says better.
    public var finchPerMinute: Int {
        switch self {
        case .company, .directory, .individual, .employment, .benefits, .jobs: 20
        case .payment, .payStatement: 12
        }
    }

    /// The buckets an export's data calls draw from, which run.json's `calls` and `--dry-run` list:
    /// SPEC §3's six, and `benefits` only for an export that includes them, so an export without
    /// benefits writes what it always did. Never `jobs`: a forced refresh is not a data call.
    public static func listed(includingBenefits: Bool) -> [RateLimitBucket] {
        allCases.filter { $0 != .jobs && (includingBenefits || $0 != .benefits) }
    }

    public static func < (lhs: RateLimitBucket, rhs: RateLimitBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
