import Foundation

/// The least calls an export of one period can make, per SPEC §8, counted from the world as it stands.
struct ExpectedCalls {
    /// Calls per bucket (`introspect` included), summed over connections.
    var buckets: [String: Int] = [:]
    /// Connections that get data calls (status `connected`).
    var fetched = 0
    /// Connections that get only `/introspect` (reauth, pending).
    var introspectOnly = 0
    /// The most statements one payment of the period has.
    var largestPayment = 0

    /// Adds one fetched connection (or one entity of a multi-entity connection: no introspect of
    /// its own) of `people` people whose period payments have `statements` statements each.
    mutating func add(people: Int, statements: [Int], introspect: Bool = true) {
        if introspect { fetched += 1 }
        func up(_ n: Int, _ d: Int) -> Int { (n + d - 1) / d }
        var calls = [
            "introspect": introspect ? 1 : 0, "company": 1, "directory": max(1, up(people, 5000)),
            "individual": up(people, 10_000), "employment": up(people, 10_000), "payment": 1,
        ]
        // Page r of a payment exists when it has more than (r−1)·5000 statements; ten payments a call.
        var payStatement = 0
        var round = 0
        while true {
            let k = statements.filter { $0 > round * 5000 }.count
            if k == 0 { break }
            payStatement += up(k, 10)
            round += 1
        }
        calls["pay_statement"] = payStatement
        for (bucket, n) in calls { buckets[bucket, default: 0] += n }
        largestPayment = max(largestPayment, statements.max() ?? 0)
    }

    var json: JSONValue {
        .object([
            ("buckets", .object(buckets.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("fetched_connections", .int(fetched)), ("introspect_only_connections", .int(introspectOnly)),
            ("largest_payment_statements", .int(largestPayment)),
        ])
    }
}

extension SandboxEngine {
    /// `GET /_sandbox/expected-calls?period=YYYY-MM`: SPEC §8's minimum calls per bucket for an export of
    /// `period` of every connection a roster import keeps (disconnected tokens are not exported), and
    /// the limits the sandbox enforces, so a benchmark can compute the lower bound on wall time.
    /// With `include=benefits`, also the benefits bucket: 1 + B for each connection with the product.
    func expectedCalls(period: BillingPeriod, includeBenefits: Bool = false) -> JSONValue {
        var expected = ExpectedCalls()
        let accesses = state.with { s in
            allConnections(s).filter {
                $0.scenario != .disconnected && s.disconnectedAt[$0.connectionID] == nil
            }
            .map { access($0, s) }
        }
        for access in accesses {
            guard access.status == "connected" else {
                expected.introspectOnly += 1
                expected.buckets["introspect", default: 0] += 1
                continue
            }
            // A multi-entity connection: one introspect, then each connected entity's calls.
            let views = exportedViews(access)
            if views.count > 1 {
                expected.fetched += 1
                expected.buckets["introspect", default: 0] += 1
            }
            for view in views {
                let (_, payroll) = generators(view)
                let plans = payroll.plans(from: period.start, to: period.end - 1)
                expected.add(
                    people: PersonGenerator.count(view.connection, syncAdvances: view.syncAdvances),
                    statements: plans.map(payroll.statementCount), introspect: views.count == 1)
            }
            if includeBenefits, access.connection.hasBenefits {
                let benefits = BenefitPlan(hash: hash, connection: access.connection).benefits.count
                expected.buckets["benefits", default: 0] += 1 + benefits
            }
        }
        let scale = options.rateScale
        let limits = JSONValue.object(
            RateLimiter.perMinute.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
        return .object([
            ("period", .string(period.text)), ("calls", expected.json),
            (
                "limits",
                .object([
                    ("rate_scale", .double(scale)), ("per_window", limits),
                    ("window_seconds", scale > 0 ? .double(60 / scale) : .null),
                    ("ip_per_window", .int(RateLimiter.ipCapacity)),
                    ("ip_window_seconds", scale > 0 ? .double(300 / scale) : .null),
                ])
            ),
        ])
    }
}
