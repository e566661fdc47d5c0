/// Calls, refusals and faults per bucket and per endpoint, as tests and `/_sandbox/counters` read them.
public struct SandboxCounters: Sendable, Codable, Equatable {
    /// Counts for one rate-limit bucket.
    public struct Bucket: Sendable, Codable, Equatable {
        public var calls = 0
        public var refused = 0
        public var faults: [String: Int] = [:]
    }

    /// Counts for one endpoint (`GET /employer/directory`).
    public struct Endpoint: Sendable, Codable, Equatable {
        public var calls = 0
        /// Answers by HTTP status ("200", "429"…).
        public var statuses: [String: Int] = [:]
        /// Injected faults by kind ("500", "timeout"…).
        public var faults: [String: Int] = [:]
    }

    public var buckets: [String: Bucket] = [:]
    public var endpoints: [String: Endpoint] = [:]
    /// Requests refused by the per-IP ceiling.
    public var ipRefused = 0

    /// Empty counters.
    public init() {}

    /// Calls counted for `bucket` (0 when none).
    public func calls(_ bucket: String) -> Int { buckets[bucket]?.calls ?? 0 }

    /// Refused 429s counted for `bucket`.
    public func refused(_ bucket: String) -> Int { buckets[bucket]?.refused ?? 0 }

    var json: JSONValue {
        func dict(_ d: [String: Int]) -> JSONValue {
            .object(d.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
        }
        return .object([
            (
                "buckets",
                .object(
                    buckets.sorted { $0.key < $1.key }.map { key, b in
                        (
                            key,
                            .object([
                                ("calls", .int(b.calls)), ("refused", .int(b.refused)),
                                ("faults", dict(b.faults)),
                            ])
                        )
                    })
            ),
            (
                "endpoints",
                .object(
                    endpoints.sorted { $0.key < $1.key }.map { key, e in
                        (
                            key,
                            .object([
                                ("calls", .int(e.calls)), ("statuses", dict(e.statuses)),
                                ("faults", dict(e.faults)),
                            ])
                        )
                    })
            ),
            ("ip_refused", .int(ipRefused)),
        ])
    }
}
