import Foundation
import Logging
import PostgresNIO

/// One rate budget for every paybatch process of a Finch application, kept in PostgreSQL
/// (issue 22). Each window is a ring of `limit` slot rows holding the start of the call that took
/// them; a call takes the oldest slot whose start has left the window, stamped with the
/// database's clock, in one statement. A row then changes only once a window after its last
/// start, so any window holds at most `limit` starts, however many processes take slots. The
/// per-IP window is kept per host name; a 429 holds a bucket for every process.
public struct PostgresRateBudget: RateBudget {
    /// Whether a slot was taken, at what instant of the database's clock (seconds since 1970),
    /// or how long to wait before asking again.
    public enum Take: Sendable, Equatable {
        case admitted(at: Double)
        case wait(Duration)
    }

    public let configuration: RateLimitConfiguration
    let client: PostgresClient
    let clock: any PaybatchClock
    /// The scope of this process's per-IP window: processes on one host share one address.
    let ipScope: String

    public init(
        configuration: RateLimitConfiguration, client: PostgresClient, clock: any PaybatchClock,
        hostName: String = ProcessInfo.processInfo.hostName
    ) {
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.ipScope = "ip:" + hostName
    }

    /// Creates the tables when missing and the slots this process's limits need. Safe to run from
    /// many processes at once: a transaction-wide advisory lock serializes it.
    public func prepare() async throws {
        let logger = Logger(label: "paybatch.rate-budget") { _ in SwiftLogNoOpLogHandler() }
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext('paybatch_rate_budget'))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS paybatch_rate_slots (
                    scope text NOT NULL, slot integer NOT NULL,
                    started_at timestamptz NOT NULL DEFAULT 'epoch', PRIMARY KEY (scope, slot))
                """, logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS paybatch_rate_holds (
                    scope text PRIMARY KEY, held_until timestamptz NOT NULL)
                """, logger: logger)
            guard configuration.isPaced else { return }
            var scopes = RateLimitBucket.allCases.map { (Self.scope(of: $0), configuration.limit(for: $0)) }
            scopes.append((ipScope, configuration.sharedIPLimit))
            for (scope, limit) in scopes {
                try await connection.query(
                    """
                    INSERT INTO paybatch_rate_slots (scope, slot)
                    SELECT \(scope), generate_series(0, \(limit) - 1) ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
        }
    }

    public func acquire(_ bucket: RateLimitBucket?) async throws -> Duration {
        _ = try await admit(bucket)
        return clock.now()
    }

    /// Runs `call` in its slots, then stamps them again with the database's clock: a slot is
    /// stamped when taken, and its call reaches Finch later (the statement's answer, the process,
    /// the network), so stamps a window apart could land less than one apart at Finch. Stamped
    /// again once the answer is in — after the call reached Finch — the next call to take the slot
    /// starts a whole window after this one arrived, however long it travelled. (Measured: 3–6 of
    /// about 250 calls refused with 2 and 4 workers at `--rate-scale 10` before.) It costs one
    /// statement a call, and each slot's cycle grows by the call's latency: under 2 % against
    /// Finch's minute at a second's latency.
    public func withSlot<T: Sendable>(
        _ bucket: RateLimitBucket?, _ call: (Duration) async throws -> T
    ) async throws -> T {
        guard configuration.isPaced else { return try await call(clock.now()) }
        let slots = try await admit(bucket)
        let result: T
        do {
            result = try await call(clock.now())
        } catch {
            try? await restamp(slots)
            throw error
        }
        try await restamp(slots)
        return result
    }

    /// Waits for and takes the slots of one call; returns them (`scope#slot`).
    private func admit(_ bucket: RateLimitBucket?) async throws -> [String] {
        guard configuration.isPaced else { return [] }
        while true {
            try Task.checkCancellation()
            let (take, slots) = try await takeSlots(bucket)
            switch take {
            case .admitted: return slots
            // Slots held by a concurrent taker for a moment say "now": ask again shortly.
            case .wait(let delay): try await clock.sleep(for: max(delay, .milliseconds(2)))
            }
        }
    }

    private func restamp(_ slots: [String]) async throws {
        guard !slots.isEmpty else { return }
        try await client.query(
            """
            UPDATE paybatch_rate_slots SET started_at = greatest(started_at, clock_timestamp())
            WHERE scope || '#' || slot = ANY(\(slots))
            """)
    }

    /// Tries once to take a slot in `bucket` (if any) and in the per-IP window together: both or
    /// neither, and none while the bucket is held.
    public func take(_ bucket: RateLimitBucket?) async throws -> Take {
        try await takeSlots(bucket).take
    }

    /// `take`, and the slots taken (`scope#slot`).
    private func takeSlots(_ bucket: RateLimitBucket?) async throws -> (take: Take, slots: [String]) {
        let scope = bucket.map(Self.scope(of:)) ?? ""
        let limit = bucket.map(configuration.limit(for:)) ?? 0
        let window = bucket.map { Self.milliseconds(configuration.window(for: $0)) } ?? 0
        let ipLimit = configuration.sharedIPLimit
        let ipWindow = Self.milliseconds(configuration.ipWindow)
        let holdScope = bucket.map(Self.scope(of:)) ?? Self.unbucketed
        // One statement, one snapshot: the free slots are locked (SKIP LOCKED passes over those a
        // concurrent taker holds), and both are stamped only if both exist and no hold applies.
        let rows = try await client.query(
            """
            WITH now AS (SELECT clock_timestamp() AS t),
            bucket_slot AS (
                SELECT scope, slot FROM paybatch_rate_slots
                WHERE scope = \(scope) AND slot < \(limit)
                  AND started_at <= (SELECT t FROM now) - \(window) * interval '1 millisecond'
                ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED),
            ip_slot AS (
                SELECT scope, slot FROM paybatch_rate_slots
                WHERE scope = \(ipScope) AND slot < \(ipLimit)
                  AND started_at <= (SELECT t FROM now) - \(ipWindow) * interval '1 millisecond'
                ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED),
            held AS (
                SELECT max(held_until) AS until FROM paybatch_rate_holds
                WHERE scope = \(holdScope) AND held_until > (SELECT t FROM now)),
            taken AS (
                UPDATE paybatch_rate_slots s SET started_at = (SELECT t FROM now)
                WHERE (SELECT until FROM held) IS NULL
                  AND (\(scope) = '' OR EXISTS (SELECT 1 FROM bucket_slot))
                  AND EXISTS (SELECT 1 FROM ip_slot)
                  AND (s.scope, s.slot) IN (SELECT * FROM bucket_slot UNION ALL SELECT * FROM ip_slot)
                RETURNING s.scope || '#' || s.slot AS name)
            SELECT (SELECT count(*) FROM taken)::integer,
                (SELECT coalesce(array_agg(name), '{}') FROM taken)::text[],
                extract(epoch FROM (SELECT t FROM now))::float8,
                greatest(0, extract(epoch FROM greatest(
                    (SELECT until FROM held),
                    (SELECT min(started_at) + \(window) * interval '1 millisecond' FROM paybatch_rate_slots
                     WHERE scope = \(scope) AND slot < \(limit)),
                    (SELECT min(started_at) + \(ipWindow) * interval '1 millisecond' FROM paybatch_rate_slots
                     WHERE scope = \(ipScope) AND slot < \(ipLimit))
                ) - (SELECT t FROM now)) * 1000)::float8
            """)
        for try await (taken, slots, now, waitMilliseconds) in rows.decode(
            (Int, [String], Double, Double).self)
        {
            if taken > 0 { return (.admitted(at: now), slots) }
            return (.wait(.milliseconds(Int64(waitMilliseconds.rounded(.up)))), [])
        }
        throw RunStop(.software, "The rate budget's statement answered no row.")
    }

    /// Holds `bucket` for every process until the later of `until` and the end of the window of
    /// its newest call (Finch's window holds that call, so the next has to wait for it to leave).
    public func hold(_ bucket: RateLimitBucket?, until: Duration) async throws {
        let delay = Self.milliseconds(max(.zero, until - clock.now()))
        let scope = bucket.map(Self.scope(of:)) ?? Self.unbucketed
        let window = bucket.map { Self.milliseconds(configuration.window(for: $0)) } ?? 0
        try await client.query(
            """
            INSERT INTO paybatch_rate_holds (scope, held_until)
            SELECT \(scope), greatest(clock_timestamp() + \(delay) * interval '1 millisecond',
                max(started_at) + \(window) * interval '1 millisecond')
            FROM paybatch_rate_slots WHERE scope = \(scope)
            ON CONFLICT (scope) DO UPDATE
            SET held_until = greatest(paybatch_rate_holds.held_until, excluded.held_until)
            """)
    }

    /// The scope of a bucket's window and hold; holds of calls without a bucket have their own.
    static func scope(of bucket: RateLimitBucket) -> String { "bucket:" + bucket.rawValue }
    static let unbucketed = "unbucketed"

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
