import Foundation

extension SandboxEngine {
    /// Routes under `/_sandbox/`: counters, the calls an export needs at least, and levers tests pull
    /// (advance a sync, force a status).
    /// They pass no limiter, draw no fault and are not counted.
    func control(_ request: SandboxRequest) -> SandboxResponse {
        switch (request.method, request.path) {
        case ("GET", "/_sandbox/counters"): return .json(200, counters().json)
        case ("POST", "/_sandbox/counters/reset"):
            resetCounters()
            return .json(200, .object([("status", .string("success"))]))
        case ("POST", "/_sandbox/connections/advance-sync"):
            guard let id = request.queryValue("connection_id"), advanceSync(connectionID: id) else { break }
            return .json(200, .object([("status", .string("success"))]))
        case ("POST", "/_sandbox/connections/status"):
            guard let id = request.queryValue("connection_id"), let status = request.queryValue("status"),
                setStatus(connectionID: id, status: status)
            else { break }
            return .json(200, .object([("status", .string("success"))]))
        case ("GET", "/_sandbox/expected-calls"):
            guard let period = request.queryValue("period").flatMap(BillingPeriod.init) else {
                return FinchError.badRequest("period must be YYYY-MM")
            }
            return .json(
                200,
                expectedCalls(period: period, includeBenefits: request.queryValue("include") == "benefits"))
        case ("GET", "/_sandbox/expected-benefit-findings"):
            guard let period = request.queryValue("period").flatMap(BillingPeriod.init) else {
                return FinchError.badRequest("period must be YYYY-MM")
            }
            return .json(200, expectedBenefitFindings(period: period))
        default: return FinchError.routeNotFound
        }
        return FinchError.body(404, "not_found_error", "item_not_found", "Unknown connection_id")
    }

    /// A copy of the counters.
    public func counters() -> SandboxCounters { state.with { $0.counters } }

    /// Zeroes the counters.
    public func resetCounters() { state.with { $0.counters = SandboxCounters() } }

    /// Moves a connection's last sync one day on; one more person joins its directory.
    @discardableResult
    public func advanceSync(connectionID: String) -> Bool {
        state.with { s in
            guard allConnections(s).contains(where: { $0.connectionID == connectionID }) else { return false }
            s.syncAdvances[connectionID, default: 0] += 1
            return true
        }
    }

    /// Forces a connection's status (`reauth`, `connected`, `pending`…).
    @discardableResult
    public func setStatus(connectionID: String, status: String) -> Bool {
        state.with { s in
            guard allConnections(s).contains(where: { $0.connectionID == connectionID }) else { return false }
            s.statusOverrides[connectionID] = status
            return true
        }
    }
}
