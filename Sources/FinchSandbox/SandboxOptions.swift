import Foundation

/// Everything that shapes one sandbox: its data, its limits, its faults and its credentials.
public struct SandboxOptions: Sendable {
    /// Seed of every generated value.
    public var seed: UInt64
    /// Number of generated companies (scenarios need at least 8).
    public var companies: Int
    /// The fixed clock; nil means the wall clock at start.
    public var now: Date?
    /// Rate-limit scale (SPEC §3); 0 turns limits off.
    public var rateScale: Double
    /// Faults to inject.
    public var faults: FaultPlan
    /// How long API answers wait before they leave (`--latency`, `--latency-per-mb`).
    public var latency: LatencyPlan
    /// Whether 429 answers carry `Retry-After`.
    public var retryAfter: Bool
    /// Requests before a pending item becomes ready; 0 = never.
    public var syncAfter: Int
    /// Seconds of sandbox time a `data_sync_all` job takes (a quarter of it pending, the rest in
    /// progress); 0 = jobs never finish.
    public var jobSeconds: Int
    /// Adds one benchmark company of this many people.
    public var largeCompanyPeople: Int?
    /// The application's client id.
    public var clientID: String
    /// The application's client secret.
    public var clientSecret: String

    /// Options with defaults; credentials from FINCH_CLIENT_ID / FINCH_CLIENT_SECRET in `environment`,
    /// else derived from the seed.
    public init(
        seed: UInt64 = 1, companies: Int = 12, now: Date? = nil, rateScale: Double = 0,
        faults: FaultPlan = .none, latency: LatencyPlan = .none, retryAfter: Bool = true, syncAfter: Int = 1,
        jobSeconds: Int = 4, largeCompanyPeople: Int? = nil, clientID: String? = nil,
        clientSecret: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let hash = SeededHash(seed: seed)
        self.seed = seed
        self.companies = companies
        self.now = now
        self.rateScale = rateScale
        self.faults = faults
        self.latency = latency
        self.retryAfter = retryAfter
        self.syncAfter = syncAfter
        self.jobSeconds = jobSeconds
        self.largeCompanyPeople = largeCompanyPeople
        self.clientID =
            clientID ?? environment["FINCH_CLIENT_ID"].flatMap { $0.isEmpty ? nil : $0 }
            ?? hash.uuid("client-id")
        self.clientSecret =
            clientSecret ?? environment["FINCH_CLIENT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "sandbox-secret-" + hash.hex("client-secret").prefix(32)
    }
}
