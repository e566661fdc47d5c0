/// What this invocation's calls tell that the store's request log does not: the time each call
/// waited for the shared limiter, whether any answer was usable, and this invocation's own
/// `/introspect` calls. Every data call is counted once, in the request log, which spans a resumed
/// run's invocations (`RunStore.loggedTally`); `tally(logged:)` puts the two together.
public actor CallCounter: FinchCallObserver {
    /// This invocation's introspect calls: first attempts and the attempts after them. Every
    /// invocation introspects its connections again, and run.json counts the last one's.
    private var introspects = 0
    private var introspectRetries = 0
    /// Time waited for the limiter before each attempt, per call name.
    private var limiterWaitByName: [String: Duration] = [:]
    /// Whether any attempt got an HTTP answer other than a 5xx: without one, SPEC §2 calls Finch
    /// unreachable (69) rather than the connections failed.
    public private(set) var sawUsableAnswer = false
    private let forward: (any FinchCallObserver)?

    public init(forwardingTo forward: (any FinchCallObserver)? = nil) { self.forward = forward }

    public func record(_ call: FinchCallRecord) async {
        let name = Self.name(of: call.endpoint)
        if call.endpoint == .introspect {
            if call.attempt == 0 { introspects += 1 } else { introspectRetries += 1 }
        }
        if call.limiterWait > .zero { limiterWaitByName[name, default: .zero] += call.limiterWait }
        if let status = call.httpStatus, status < 500 { sawUsableAnswer = true }
        await forward?.record(call)
    }

    public func retrying(_ retry: FinchRetry) async { await forward?.retrying(retry) }

    public func givingUp(_ giveUp: FinchGiveUp) async { await forward?.givingUp(giveUp) }

    /// run.json's names: `introspect` and the six buckets.
    static func name(of endpoint: FinchEndpoint?) -> String {
        guard let endpoint else { return "other" }
        return endpoint.bucket?.rawValue ?? endpoint.rawValue
    }

    /// run.json's names, every one present (`benefits` when the run called it, or `includingBenefits`).
    static func everyName<Value>(
        _ values: [String: Value], zero: Value, includingBenefits: Bool = false
    ) -> [String: Value] {
        var result = values
        let buckets = RateLimitBucket.listed(
            includingBenefits: includingBenefits || values["benefits"] != nil)
        for name in ["introspect"] + buckets.map(\.rawValue) where result[name] == nil {
            result[name] = zero
        }
        return result
    }

    /// What run.json and the summary event show: the run's data calls and retries as the request
    /// log has them (`logged`), this invocation's introspect calls, and its limiter waits.
    public func tally(logged: CallTally, includingBenefits: Bool = false) -> CallTally {
        var tally = logged
        tally.calls = Self.everyName(tally.calls, zero: 0, includingBenefits: includingBenefits)
        tally.retries = Self.everyName(tally.retries, zero: 0, includingBenefits: includingBenefits)
        tally.calls["introspect"] = introspects
        tally.retries["introspect"] = introspectRetries
        tally.limiterWaitSeconds = Self.everyName(
            limiterWaitByName.mapValues { CallTally.seconds($0) }, zero: 0,
            includingBenefits: includingBenefits)
        return tally
    }
}
