import PostgresNIO

extension PostgresRunCoordinator {
    public func electRenderer(runID: String) async throws -> Bool {
        let (me, lease) = (worker.rawValue, leaseMilliseconds)
        // Racing workers update one row: the first takes its lock, the others wait for it and then
        // see the renderer set (READ COMMITTED checks the WHERE again on the new row), so exactly
        // one wins. A renderer whose lease ran out unpublished (it died) can be replaced.
        return try await Self.answers(
            try await client.query(
                """
                UPDATE paybatch.shared_runs
                SET renderer = \(me), renderer_lease_until = clock_timestamp() + \(lease) * interval '1 millisecond'
                WHERE run_id = \(runID) AND published_at IS NULL AND seeded_at IS NOT NULL
                  AND (renderer IS NULL OR renderer = \(me) OR renderer_lease_until < clock_timestamp())
                  AND NOT EXISTS (
                    SELECT 1 FROM paybatch.run_claims WHERE run_id = \(runID) AND done_at IS NULL)
                RETURNING 1
                """, logger: logger))
    }

    @discardableResult
    public func markPublished(runID: String, exitStatus: ExitStatus) async throws -> Bool {
        try await Self.answers(
            try await client.query(
                """
                UPDATE paybatch.shared_runs
                SET published_at = clock_timestamp(), exit_code = \(Int(exitStatus.rawValue)),
                    renderer_lease_until = NULL
                WHERE run_id = \(runID) AND renderer = \(worker.rawValue) AND published_at IS NULL
                RETURNING 1
                """, logger: logger))
    }

    public func waitForPublication(runID: String) async throws -> PublicationWait {
        while true {
            try Task.checkCancellation()
            let rows = try await client.query(
                """
                SELECT exit_code, coalesce(renderer IS NULL OR renderer_lease_until < clock_timestamp(), false)
                FROM paybatch.shared_runs WHERE run_id = \(runID)
                """, logger: logger)
            var answer: (Int?, Bool)?
            for try await row in rows.decode((Int?, Bool).self) { answer = row }
            guard let (code, vacant) = answer else { throw Self.noSuchRun(runID) }
            if let code { return .published(ExitStatus(rawValue: Int32(code)) ?? .software) }
            if vacant, try await electRenderer(runID: runID) { return .renderHere }
            try await Task.sleep(for: timing.poll)
        }
    }
}
