import PostgresNIO

extension PostgresRunCoordinator {
    public func claimNext(runID: String) async throws -> ClaimOutcome {
        let (me, lease) = (worker.rawValue, leaseMilliseconds)
        // One statement: the first open connection in claiming order that is pending or whose lease
        // ran out, locked (SKIP LOCKED passes over one a concurrent claimer holds at this instant)
        // and given to this worker. A row a concurrent claim changed meanwhile is checked again
        // against the WHERE (READ COMMITTED), so a connection is never held by two leases at once.
        let rows = try await client.query(
            """
            WITH candidate AS (
                SELECT connection_id, worker FROM paybatch.run_claims
                WHERE run_id = \(runID) AND done_at IS NULL
                  AND (lease_until IS NULL OR lease_until < clock_timestamp())
                ORDER BY claim_order LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE paybatch.run_claims c
            SET worker = \(me), lease_until = clock_timestamp() + \(lease) * interval '1 millisecond',
                claims = c.claims + 1
            FROM candidate WHERE c.run_id = \(runID) AND c.connection_id = candidate.connection_id
            RETURNING c.connection_id, c.claims, candidate.worker
            """, logger: logger)
        var claim: ConnectionClaim?
        for try await (connection, attempt, previous) in rows.decode((String, Int, String?).self) {
            claim = ConnectionClaim(
                connection: ConnectionID(connection), attempt: attempt,
                previousWorker: previous.flatMap { $0 == me ? nil : WorkerID($0) })
        }
        if let claim { return .claimed(claim) }
        return try await nothingFree(runID: runID)
    }

    /// Why no connection was free: all done, or held, and when the soonest lease ends.
    private func nothingFree(runID: String) async throws -> ClaimOutcome {
        let rows = try await client.query(
            """
            SELECT r.seeded_at IS NOT NULL, count(c.connection_id) FILTER (WHERE c.done_at IS NULL)::integer,
                coalesce(extract(epoch FROM min(c.lease_until) FILTER (WHERE c.done_at IS NULL)
                    - clock_timestamp()) * 1000, 0)::float8
            FROM paybatch.shared_runs r LEFT JOIN paybatch.run_claims c ON c.run_id = r.run_id
            WHERE r.run_id = \(runID) GROUP BY r.seeded_at
            """, logger: logger)
        var answer: (Bool, Int, Double)?
        for try await row in rows.decode((Bool, Int, Double).self) { answer = row }
        guard let (seeded, open, soonest) = answer else { throw Self.noSuchRun(runID) }
        if seeded, open == 0 { return .allDone }
        // A lease already past its end is being taken by a concurrent claim: ask again soon.
        let retry = Duration.milliseconds(Int64(max(10, soonest.rounded(.up))))
        return .waiting(retryAfter: min(retry, timing.poll))
    }

    @discardableResult
    public func heartbeat(runID: String) async throws -> Set<ConnectionID> {
        let (me, lease) = (worker.rawValue, leaseMilliseconds)
        // A claim taken by another worker after this one's lease ran out has its worker changed,
        // so it is not renewed here: the row lock orders this against the concurrent claim.
        let rows = try await client.query(
            """
            WITH seen AS (
                UPDATE paybatch.run_workers SET last_seen = clock_timestamp()
                WHERE run_id = \(runID) AND worker = \(me)),
            rendering AS (
                UPDATE paybatch.shared_runs
                SET renderer_lease_until = clock_timestamp() + \(lease) * interval '1 millisecond'
                WHERE run_id = \(runID) AND renderer = \(me) AND published_at IS NULL)
            UPDATE paybatch.run_claims SET lease_until = clock_timestamp() + \(lease) * interval '1 millisecond'
            WHERE run_id = \(runID) AND worker = \(me) AND done_at IS NULL
            RETURNING connection_id
            """, logger: logger)
        var held: Set<ConnectionID> = []
        for try await connection in rows.decode(String.self) { held.insert(ConnectionID(connection)) }
        return held
    }

    @discardableResult
    public func markDone(runID: String, connection: ConnectionID, status: ExportStatus) async throws -> Bool {
        // Held by this worker, lease ended or not: until another claims it, it is still this one's.
        try await Self.answers(
            try await client.query(
                """
                UPDATE paybatch.run_claims
                SET done_at = clock_timestamp(), status = \(status.rawValue), lease_until = NULL
                WHERE run_id = \(runID) AND connection_id = \(connection.rawValue)
                  AND worker = \(worker.rawValue) AND done_at IS NULL
                RETURNING 1
                """, logger: logger))
    }

    public func progress(runID: String) async throws -> RunProgress {
        let rows = try await client.query(
            """
            SELECT r.seeded_at IS NOT NULL, count(c.connection_id)::integer, count(c.done_at)::integer,
                count(*) FILTER (WHERE c.done_at IS NULL AND c.lease_until >= clock_timestamp())::integer
            FROM paybatch.shared_runs r LEFT JOIN paybatch.run_claims c ON c.run_id = r.run_id
            WHERE r.run_id = \(runID) GROUP BY r.seeded_at
            """, logger: logger)
        var progress: RunProgress?
        for try await (seeded, total, done, leased) in rows.decode((Bool, Int, Int, Int).self) {
            progress = RunProgress(seeded: seeded, total: total, done: done, leased: leased)
        }
        guard let progress else { throw Self.noSuchRun(runID) }
        return progress
    }

    /// A run id no worker joined: a bug of the caller.
    static func noSuchRun(_ runID: String) -> RunStop {
        RunStop(.software, "The shared run \(runID) is not in the store's shared runs.")
    }
}
