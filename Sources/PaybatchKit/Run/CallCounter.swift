/// Counts calls per bucket as SPEC §8 does: first attempts in `calls`, retries apart. It is the
/// request log's observer too, so the store records every attempt's request id.
public actor CallCounter: FinchCallObserver {
    public private(set) var firstAttempts: [String: Int] = [:]
    public private(set) var retries = 0
    /// Whether any attempt got an HTTP answer other than a 5xx: without one, SPEC §2 calls Finch
    /// unreachable (69) rather than the connections failed.
    public private(set) var sawUsableAnswer = false
    private let forward: (any FinchCallObserver)?

    public init(forwardingTo forward: (any FinchCallObserver)? = nil) { self.forward = forward }

    public func record(_ call: FinchCallRecord) async {
        if call.attempt == 0 {
            firstAttempts[Self.name(of: call.endpoint), default: 0] += 1
        } else {
            retries += 1
        }
        if let status = call.httpStatus, status < 500 { sawUsableAnswer = true }
        await forward?.record(call)
    }

    /// run.json's names: `introspect` and the six buckets.
    static func name(of endpoint: FinchEndpoint?) -> String {
        guard let endpoint else { return "other" }
        return endpoint.bucket?.rawValue ?? endpoint.rawValue
    }

    /// The counts run.json shows, every bucket present.
    public var calls: [String: Int] {
        var result = firstAttempts
        for name in ["introspect"] + RateLimitBucket.allCases.map(\.rawValue) where result[name] == nil {
            result[name] = 0
        }
        return result
    }
}
