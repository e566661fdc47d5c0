/// What `export --dry-run` prints: the connections, the calls per bucket each needs, and the time
/// the rate limits imply. Counts come from the period's last run when there is one (what each
/// connection needed then), else one call per bucket and connected entity — so the figure is an
/// estimate (SPEC §8).
public struct ExportPlan: Sendable {
    public struct Line: Sendable {
        public var connectionID: ConnectionID
        public var customerID: CustomerID
        public var calls: [String: Int]
        /// Whether the counts come from a stored run rather than the one-per-bucket guess.
        public var fromStoredRun: Bool
    }

    public var period: Period
    public var lines: [Line]
    public var limits: RateLimitConfiguration

    /// The names of run.json's `calls`, in order (`benefits` only for an export that includes them).
    public let callNames: [String]

    /// The names of run.json's `calls` of an export with or without benefits.
    public static func callNames(includingBenefits: Bool) -> [String] {
        ["introspect"] + RateLimitBucket.listed(includingBenefits: includingBenefits).map(\.rawValue)
    }

    /// `includeBenefits`: a connection whose token has the `benefits` product also plans the
    /// benefits bucket, 1 + B calls; without a stored count it is guessed as one call, as the others.
    public init(
        period: Period, connections: [ConnectionRecord], storedCounts: [ConnectionID: [String: Int]],
        limits: RateLimitConfiguration, includeBenefits: Bool = false
    ) {
        self.period = period
        self.limits = limits
        let callNames = Self.callNames(includingBenefits: includeBenefits)
        self.callNames = callNames
        lines = connections.map { connection in
            if let stored = storedCounts[connection.connectionID], !stored.isEmpty {
                var calls = stored.filter { callNames.contains($0.key) }
                calls["introspect"] = 1
                if includeBenefits, calls["benefits"] == nil, connection.details.products.contains("benefits")
                {
                    calls["benefits"] = 1
                }
                return Line(
                    connectionID: connection.connectionID, customerID: connection.customerID, calls: calls,
                    fromStoredRun: true)
            }
            // SPEC §8's minimum per entity: a multi-entity connection's connected entities are each
            // fetched (issue 21); one introspect still serves them all.
            let entities = ConnectionEntity.exported(connection.details.entities)
            let units = entities.isEmpty ? 1 : entities.filter { $0.statusWithoutCalls == nil }.count
            var guess = Dictionary(
                uniqueKeysWithValues: callNames.map { ($0, $0 == "introspect" ? 1 : units) })
            if includeBenefits, !connection.details.products.contains("benefits") { guess["benefits"] = 0 }
            return Line(
                connectionID: connection.connectionID, customerID: connection.customerID, calls: guess,
                fromStoredRun: false)
        }
    }

    /// Calls per name over every connection.
    public var totals: [String: Int] {
        lines.reduce(into: [:]) { totals, line in totals.merge(line.calls, uniquingKeysWith: +) }
    }

    /// The least time the limits allow for these calls.
    public var lowerBound: Duration {
        let totals = totals
        var buckets: [RateLimitBucket: Int] = [:]
        for bucket in RateLimitBucket.allCases { buckets[bucket] = totals[bucket.rawValue] ?? 0 }
        return limits.lowerBound(calls: buckets, totalRequests: totals.values.reduce(0, +))
    }

    /// The estimate `--dry-run` prints, in whole seconds (the lower bound rounded up); 0 when
    /// pacing is off. The progress line of `export` starts its ETA from it (`RemainingTime`).
    public var estimatedSeconds: Int {
        guard limits.isPaced else { return 0 }
        let bound = lowerBound.components
        return Int((Double(bound.seconds) + Double(bound.attoseconds) / 1e18).rounded(.up))
    }

    /// The plan as printed: one line a connection, then totals and the estimate.
    public var text: String {
        var out = [
            "Export plan for \(period): \(lines.count) live connections (an estimate; nothing is fetched)."
        ]
        let header = ["connection_id", "customer_id"] + callNames
        out.append(header.joined(separator: "\t"))
        for line in lines {
            let counts = callNames.map { String(line.calls[$0] ?? 0) }
            out.append(
                ([line.connectionID.rawValue, line.customerID.rawValue] + counts).joined(separator: "\t"))
        }
        let totals = totals
        out.append((["total", ""] + callNames.map { String(totals[$0] ?? 0) }).joined(separator: "\t"))
        let guessed = lines.filter { !$0.fromStoredRun }.count
        if guessed > 0 {
            out.append(
                "\(guessed) connections have no stored run for \(period): counted as one call per bucket.")
        }
        if limits.isPaced {
            out.append(
                "The rate limits (scale \(limits.scale)) imply at least \(estimatedSeconds) s of calls.")
        } else {
            out.append("Pacing is off (rate scale 0): the limits imply no wait.")
        }
        return out.joined(separator: "\n")
    }
}
