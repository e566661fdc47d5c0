import Foundation

/// The Finch emulator without HTTP: a request in, a response out. The server and the tests call it.
public final class SandboxEngine: Sendable {
    /// The options the engine runs with (client id and secret included).
    public let options: SandboxOptions
    /// The generated world and its ground truth.
    public let world: SandboxWorld
    let hash: SeededHash
    let state: SandboxState
    /// The running clock for rate limits and code expiry; the world's `now` anchors generated data.
    let clock: @Sendable () -> Date
    let today: SandboxDay

    /// An engine whose running clock starts at the world's `now` and follows the wall clock's elapsed time,
    /// unless `clock` is given (tests inject one).
    public init(options: SandboxOptions, clock: (@Sendable () -> Date)? = nil) {
        let anchor = options.now ?? Date()
        self.options = options
        self.world = SandboxWorld(options: options, now: anchor)
        self.hash = SeededHash(seed: options.seed)
        self.state = SandboxState(rateScale: options.rateScale)
        self.today = SandboxDay(anchor)
        if let clock {
            self.clock = clock
        } else {
            let start = ProcessInfo.processInfo.systemUptime
            self.clock = { anchor.addingTimeInterval(ProcessInfo.processInfo.systemUptime - start) }
        }
    }

    /// The rate-limit bucket of a path, if it has one.
    static func bucket(path: String) -> String? {
        switch path {
        case "/employer/company": "company"
        case "/employer/directory": "directory"
        case "/employer/individual": "individual"
        case "/employer/employment": "employment"
        case "/employer/payment": "payment"
        case "/employer/pay-statement": "pay_statement"
        case "/jobs/automated": "jobs"
        case _ where path.hasPrefix("/jobs/automated/"): "jobs"
        case "/employer/benefits": "benefits"
        case _ where isBenefitIndividuals(path): "benefits"
        default: nil
        }
    }

    /// `/employer/benefits/{benefit_id}/individuals`.
    static func isBenefitIndividuals(_ path: String) -> Bool {
        path.hasPrefix("/employer/benefits/") && path.hasSuffix("/individuals")
            && path.count > "/employer/benefits//individuals".count
    }

    /// Answers one request, deterministically for a given seed, clock and request history.
    public func handle(_ request: SandboxRequest) -> SandboxResponse {
        if request.path.hasPrefix("/_sandbox/") { return control(request) }
        let endpoint = "\(request.method) \(request.path)"
        let bucket = SandboxEngine.bucket(path: request.path)
        let t = clock().timeIntervalSince1970
        let identity = request.identity
        let (occurrence, ipVerdict) = state.with { s -> (Int, RateLimiter.Verdict) in
            s.counters.endpoints[endpoint, default: .init()].calls += 1
            if let bucket { s.counters.buckets[bucket, default: .init()].calls += 1 }
            let verdict = s.limiter.admitIP(at: t)
            if verdict != .admitted {
                s.counters.ipRefused += 1
                if let bucket { s.counters.buckets[bucket, default: .init()].refused += 1 }
            }
            return (s.nextOccurrence(identity), verdict)
        }
        let requestID = hash.uuid("request", identity, String(occurrence))
        var response: SandboxResponse
        var delivery = SandboxResponse.Delivery.normal
        if case .refused(let code, let wait) = ipVerdict {
            response = rateLimited(code, wait)
        } else {
            let fault =
                drawsFaults(request)
                ? options.faults.fault(forDraw: hash.unit(["fault", identity, String(occurrence)])) : nil
            if let fault {
                state.with { s in
                    s.counters.endpoints[endpoint, default: .init()].faults[fault.rawValue, default: 0] += 1
                    if let bucket {
                        s.counters.buckets[bucket, default: .init()].faults[fault.rawValue, default: 0] += 1
                    }
                }
            }
            switch fault {
            case .serverError: response = FinchError.serverError
            case .badGateway: response = FinchError.badGateway
            case .rateLimited: response = rateLimited("finch_application_rl", 1)
            case .timeout:
                response = SandboxResponse(status: 504)
                delivery = .hang
            case .truncate:
                response = route(request, bucket: bucket, at: t)
                delivery = .truncated
            case .slow:
                response = route(request, bucket: bucket, at: t)
                delivery = .slow(options.faults.slowMilliseconds)
            case .html, .empty, .shape:
                response = SandboxEngine.garbage(fault!, replacing: route(request, bucket: bucket, at: t))
            case nil: response = route(request, bucket: bucket, at: t)
            }
        }
        response.headers.append(("Finch-Request-Id", requestID))
        response.delivery = delivery
        // Drawn like a fault, from the request and its occurrence, so the same requests wait the
        // same whatever order concurrent clients send them in. A 429 leaves at once: the limiter
        // refuses at the door, and the slot was taken (or refused) at arrival, before any wait.
        if !options.latency.isNone, response.status != 429 {
            response.latency = options.latency.delay(
                forDraw: hash.unit(["latency", identity, String(occurrence)]), bodyBytes: response.body.count)
        }
        state.with { s in
            s.counters.endpoints[endpoint, default: .init()].statuses[String(response.status), default: 0] +=
                1
        }
        return response
    }

    func rateLimited(_ finchCode: String, _ wait: Double) -> SandboxResponse {
        var response = FinchError.rateLimited(finchCode)
        if options.retryAfter { response.headers.append(("Retry-After", String(Int(wait.rounded(.up))))) }
        return response
    }

    /// The per-product limiter; counts a refusal against the bucket.
    func admit(bucket: String, at t: Double) -> SandboxResponse? {
        let verdict = state.with { s -> RateLimiter.Verdict in
            let verdict = s.limiter.admit(bucket: bucket, at: t)
            if verdict != .admitted { s.counters.buckets[bucket, default: .init()].refused += 1 }
            return verdict
        }
        if case .refused(let code, let wait) = verdict { return rateLimited(code, wait) }
        return nil
    }

    private func route(_ request: SandboxRequest, bucket: String?, at t: Double) -> SandboxResponse {
        switch (request.method, request.path) {
        case ("GET", "/authorize"): return authorize(request)
        default: break
        }
        guard request.headers["finch-api-version"] == "2020-09-17" else {
            return FinchError.badRequest("Finch-API-Version header must be 2020-09-17")
        }
        switch (request.method, request.path) {
        case ("POST", "/auth/token"): return exchangeCode(request, at: t)
        case ("POST", "/connect/sessions"): return createSession(request, reauth: false)
        case ("POST", "/connect/sessions/reauthenticate"): return createSession(request, reauth: true)
        case ("GET", "/providers"): return providers()
        case ("GET", "/introspect"), ("POST", "/disconnect"), ("POST", "/disconnect-entity"):
            return account(request, at: t)
        case ("GET", "/employer/company"), ("GET", "/employer/directory"), ("POST", "/employer/individual"),
            ("POST", "/employer/employment"), ("GET", "/employer/payment"),
            ("POST", "/employer/pay-statement"):
            return data(request, bucket: bucket!, at: t)
        case (_, _) where bucket == "jobs": return jobs(request, at: t)
        case ("GET", "/employer/benefits"): return data(request, bucket: "benefits", at: t)
        case ("GET", _) where SandboxEngine.isBenefitIndividuals(request.path):
            return data(request, bucket: "benefits", at: t)
        default: return FinchError.routeNotFound
        }
    }
}
