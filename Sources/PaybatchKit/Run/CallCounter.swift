/// Counts calls per bucket as SPEC §8 does: first attempts in `calls`, retries apart, and the
/// time waited for the shared limiter, per bucket. It is the request log's observer too, so the
/// store records every attempt's request id.
public actor CallCounter: FinchCallObserver {
    public private(set) var firstAttempts: [String: Int] = [:]
    /// Attempts after the first, per call name.
    public private(set) var retriesByName: [String: Int] = [:]
    /// Time waited for the limiter before each attempt, per call name.
    public private(set) var limiterWaitByName: [String: Duration] = [:]
    /// Whether any attempt got an HTTP answer other than a 5xx: without one, SPEC §2 calls Finch
    /// unreachable (69) rather than the connections failed.
    public private(set) var sawUsableAnswer = false
    private let forward: (any FinchCallObserver)?

    public init(forwardingTo forward: (any FinchCallObserver)? = nil) { self.forward = forward }

    public var retries: Int { retriesByName.values.reduce(0, +) }

    public func record(_ call: FinchCallRecord) async {
        let name = Self.name(of: call.endpoint)
        if call.attempt == 0 {
            firstAttempts[name, default: 0] += 1
        } else {
            retriesByName[name, default: 0] += 1
        }
        if call.limiterWait > .zero { limiterWaitByName[name, default: .zero] += call.limiterWait }
        if let status = call.httpStatus, status < 500 { sawUsableAnswer = true }
        await forward?.record(call)
    }

    public func retrying(_ retry: FinchRetry) async { await forward?.retrying(retry) }

    /// run.json's names: `introspect` and the six buckets.
    static func name(of endpoint: FinchEndpoint?) -> String {
        guard let endpoint else { return "other" }
        return endpoint.bucket?.rawValue ?? endpoint.rawValue
    }

    /// run.json's names, every one present.
    static func everyName<Value>(_ values: [String: Value], zero: Value) -> [String: Value] {
        var result = values
        for name in ["introspect"] + RateLimitBucket.allCases.map(\.rawValue) where result[name] == nil {
            result[name] = zero
        }
        return result
    }

    /// The counts run.json shows, every bucket present.
    public var calls: [String: Int] { Self.everyName(firstAttempts, zero: 0) }

    /// What run.json and the summary event show of this invocation's calls.
    public var tally: CallTally {
        CallTally(
            calls: calls, retries: Self.everyName(retriesByName, zero: 0),
            limiterWaitSeconds: Self.everyName(
                limiterWaitByName.mapValues { CallTally.seconds($0) }, zero: 0))
    }
}
