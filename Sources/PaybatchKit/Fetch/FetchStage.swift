/// The export's first stage: network → store. Fetches the selected connections a few at a time
/// (the shared limiter paces every call across them), stores each answer as it arrives (the
/// client's cache), records each connection's outcome in the store as it ends, and says so on
/// its event stream. It renders nothing: the render stage reads what it stored.
struct FetchStage: Sendable {
    let store: RunStore
    let run: RunRecord
    let period: Period
    let includeSSN: Bool
    /// `--include benefits`.
    var includeBenefits = false
    /// How many connections are fetched at once at most.
    let concurrency: Int
    let client: FinchClient
    /// SPEC §8's re-run rule, asked after each connection's `/introspect`.
    let reuse: RerunRule
    let log: ExportLog
    /// Told (connections done, total) before the first fetch starts (0 done) and as each ends.
    let progress: (@Sendable (Int, Int) -> Void)?
    /// Whether the rows normalized while fetching serve the render (false for a worker of a run
    /// shared by workers: the renderer reads every connection from the store).
    var keepsRows = true
    /// Connections whose forced refresh job still runs, with its id (`ExportOptions.syncing`).
    var syncing: [ConnectionID: String] = [:]

    /// A connection to fetch: its place in the report order, and its row of the store.
    struct Connection: Sendable {
        var index: Int
        var record: ConnectionRecord
        var customerName: String
    }

    /// Fetches `connections`, in their order as far as the limits allow; returns what each fetch
    /// learned, and ends `events`. `rows` makes, for a connection, the sink its fetch normalizes into.
    func run(
        _ connections: [Connection], events: AsyncStream<FetchEvent>.Continuation,
        rows: @escaping @Sendable (Connection) -> ConnectionNormalizer
    ) async throws -> [ConnectionFacts] {
        try await run(ListedConnections(connections), total: connections.count, events: events, rows: rows)
    }

    /// Fetches what `queue` gives, `concurrency` at a time: a slot that ends takes the next one;
    /// when none is free while others still fetch, the free slots wait for the next to end; when
    /// none fetches, the queue is asked to wait for one (another worker's lease may run out).
    func run(
        _ queue: any ConnectionQueue, total: Int, events: AsyncStream<FetchEvent>.Continuation,
        rows: @escaping @Sendable (Connection) -> ConnectionNormalizer
    ) async throws -> [ConnectionFacts] {
        defer { events.finish() }
        let fetcher = ConnectionFetcher(
            client: client, period: period, includeSSN: includeSSN, includeBenefits: includeBenefits)
        // As many connections as the payment bucket admits at once ask for payroll first; the
        // others' payment calls wait a window or more, so they ask for the organization first.
        let payrollFirst =
            client.limiter.map {
                $0.configuration.isPaced ? $0.configuration.limit(for: .payment) : Int.max
            } ?? Int.max
        var done: [ConnectionFacts] = []
        try await withThrowingTaskGroup(of: FetchedConnection.self) { group in
            var (started, running) = (0, 0)
            func fill() async throws {
                while running < max(1, concurrency),
                    let connection = try await queue.next(waiting: running == 0)
                {
                    let organizationFirst = started >= payrollFirst  // its place among this stage's
                    started += 1
                    running += 1
                    group.addTask {
                        events.yield(.started(index: connection.index))
                        let sink = rows(connection)
                        // Served in the reports' order where calls wait, so the first ones end first
                        // and are rendered while the last are fetched.
                        return try await CallPriority.$current.withValue(connection.index) {
                            try await fetchOne(
                                connection, fetcher: fetcher, organizationFirst: organizationFirst, into: sink
                            )
                        }
                    }
                }
            }
            // Drawn before the first call, so a terminal shows the plan's estimate from the start.
            if total > 0 { progress?(0, total) }
            try await fill()
            while let fetched = try await group.next() {
                running -= 1
                done.append(fetched.data)
                try await queue.finished(fetched.id, status: fetched.data.status)
                progress?(done.count, total)
                try await fill()
                events.yield(.finished(fetched))
            }
        }
        return done
    }

    /// One connection's fetch, its errors logged and its outcome recorded in the store.
    private func fetchOne(
        _ connection: Connection, fetcher: ConnectionFetcher, organizationFirst: Bool,
        into rows: ConnectionNormalizer
    ) async throws -> FetchedConnection {
        let id = connection.record.connectionID
        let data: ConnectionFacts
        if let job = syncing[id] {
            data = Self.stillSyncing(job: job)
        } else {
            let token = try await store.token(for: id)
            data = try await fetcher.fetch(
                id, token: token, organizationFirst: organizationFirst, into: rows,
                beforeData: { try await reuse.shouldFetch(id, introspection: $0) })
        }
        for error in data.errors { log.connectionError(error, connection: id) }
        let recorded = RunConnectionRecord(
            status: data.status, source: data.reused ? "reused" : "fetched", errors: data.errors,
            message: data.message,
            entities: data.entities.isEmpty
                ? nil
                : data.entities.map {
                    RunEntityRecord(
                        entity: $0.entity, status: $0.facts.status, errors: $0.facts.errors,
                        message: $0.facts.message)
                })
        try await store.saveRunConnection(recorded, runID: run.runID, connection: id)
        log.connectionFetched(id, status: data.status, reused: data.reused)
        // Rows serve only from a fetch that ran whole; otherwise the stored answers are read, as
        // a later `--offline` would (a failed call is not stored). A failed connection's are read
        // too: the runner renders failed connections last (all failing alike stops the run), from
        // the store — a multi-entity connection fails with rows when one entity cannot be read.
        // A worker of a shared run keeps none: one of the workers renders every connection from
        // the store at the end (`keepsRows` false).
        guard keepsRows, !data.reused, !data.stoppedEarly, data.status != .failed else {
            try rows.discard()
            return FetchedConnection(
                index: connection.index, id: id, data: data, recorded: recorded, rows: nil)
        }
        return FetchedConnection(
            index: connection.index, id: id, data: data, recorded: recorded, rows: rows.units)
    }

    /// A connection Finch is syncing now (its forced refresh job still runs): what it has is
    /// being replaced, so nothing is asked and it is `pending`, fetched again by the next export.
    static func stillSyncing(job: String) -> ConnectionFacts {
        var data = ConnectionFacts()
        data.status = .pending
        data.message =
            "Finch is still syncing this connection (refresh job \(job)): export again when it completes"
        data.stoppedEarly = true
        return data
    }
}
