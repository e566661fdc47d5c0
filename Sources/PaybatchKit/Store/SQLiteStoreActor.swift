import Foundation

/// The SQLite store as a `PaybatchStore`: one actor owns the file's one connection, so every
/// task of a command shares it safely (an SQLite handle belongs to one thread at a time), and
/// each atomic operation is one synchronous transaction inside the actor.
public actor SQLiteStoreActor: PaybatchStore {
    /// The synchronous store underneath, for what only SQLite has (backup, integrity check).
    let store: SQLiteStore
    public nonisolated let place: String
    public nonisolated var backend: StoreBackend { .sqlite }

    public init(_ store: sending SQLiteStore) {
        self.store = store
        place = store.database.path
    }

    /// Opens the SQLite store at `path` (see `SQLiteStore.open`).
    public static func open(
        path: String, keys: KeyRing?, mode: SQLiteDatabase.Mode = .readWrite, creating: Bool = false
    ) throws -> SQLiteStoreActor {
        SQLiteStoreActor(try SQLiteStore.open(path: path, keys: keys, mode: mode, creating: creating))
    }

    /// Runs `body` on the synchronous store, inside the actor.
    public func withSQLite<T: Sendable>(_ body: (SQLiteStore) throws -> T) throws -> T { try body(store) }

    public func schemaVersion() throws -> Int { try store.database.userVersion() }

    // MARK: Roster

    public func upsertCustomer(_ id: CustomerID, name: String) throws {
        try store.upsertCustomer(id, name: name)
    }
    public func customer(_ id: CustomerID) throws -> CustomerRecord? { try store.customer(id) }
    public func customers() throws -> [CustomerRecord] { try store.customers() }

    public func addConnection(
        _ connection: NewConnection, source: ConnectionEventSource
    ) throws
        -> ConnectionAddOutcome
    {
        try store.database.transaction {
            try store.upsertCustomer(connection.customerID, name: connection.customerName)
            let outcome = try store.addConnection(
                connection.id, customer: connection.customerID, details: connection.details,
                token: connection.token, createdAt: connection.createdAt, source: source)
            if outcome == .added, let time = connection.disconnectedAt {
                try store.markDisconnected(connection.id, at: time, source: source, estimated: true)
            }
            return outcome
        }
    }

    public func updateDetails(
        _ id: ConnectionID, _ details: ConnectionDetails, source: ConnectionEventSource
    )
        throws -> ConnectionEvent?
    {
        try store.updateDetails(id, details, source: source)
    }

    public func replaceToken(
        for id: ConnectionID, with token: AccessToken, details: ConnectionDetails?,
        source: ConnectionEventSource
    ) throws {
        try store.replaceToken(for: id, with: token, details: details, source: source)
    }

    public func markDisconnected(
        _ id: ConnectionID, at time: Date, source: ConnectionEventSource, estimated: Bool
    )
        throws -> Bool
    {
        try store.markDisconnected(id, at: time, source: source, estimated: estimated)
    }

    public func connection(_ id: ConnectionID) throws -> ConnectionRecord? { try store.connection(id) }
    public func connections(includingDisconnected: Bool) throws -> [ConnectionRecord] {
        try store.connections(includingDisconnected: includingDisconnected)
    }
    public func recordEvent(_ event: ConnectionEvent) throws { try store.recordEvent(event) }
    public func events(for id: ConnectionID?) throws -> [ConnectionEvent] { try store.events(for: id) }

    public func decryptAccessToken(for connection: ConnectionID) throws -> AccessToken {
        try store.decryptAccessToken(for: connection)
    }
    public func connectionID(forToken token: AccessToken) throws -> ConnectionID? {
        try store.connectionID(forToken: token)
    }
    public func setClientSecret(_ secret: ClientSecret) throws { try store.setClientSecret(secret) }
    public func clientSecret() throws -> ClientSecret? { try store.clientSecret() }
    public func setSetting(_ key: String, _ value: String) throws { try store.setSetting(key, value) }
    public func setting(_ key: String) throws -> String? { try store.setting(key) }

    // MARK: Runs

    public func createRun(_ run: RunRecord) throws { try store.createRun(run) }
    public func finishRun(_ runID: String, status: RunRecord.Status, exitCode: Int32, at time: Date) throws {
        try store.finishRun(runID, status: status, exitCode: exitCode, at: time)
    }
    public func run(_ runID: String) throws -> RunRecord? { try store.run(runID) }
    public func runs(period: Period, command: String) throws -> [RunRecord] {
        try store.runs(period: period, command: command)
    }
    public func allRuns() throws -> [RunRecord] { try store.allRuns() }
    public func pruneResponses(period: Period, command: String, keepingLatest keep: Int) throws -> Int {
        try store.pruneResponses(period: period, command: command, keepingLatest: keep)
    }

    public func saveRunConnection(
        _ record: RunConnectionRecord, runID: String, connection: ConnectionID
    ) throws {
        try store.saveRunConnection(record, runID: runID, connection: connection)
    }
    public func runConnections(runID: String) throws -> [ConnectionID: RunConnectionRecord] {
        try store.runConnections(runID: runID)
    }
    public func latestStoredOutcome(
        period: Period, command: String, connection: ConnectionID, excluding runID: String,
        among eligible: @Sendable (RunRecord) -> Bool
    ) throws -> (runID: String, record: RunConnectionRecord)? {
        try store.latestStoredOutcome(
            period: period, command: command, connection: connection, excluding: runID, among: eligible)
    }

    public func storeResponse(_ info: StoredResponse, body: Data) throws {
        try unsynced { try store.storeResponse(info, body: body) }
    }
    public func responseInfo(
        runID: String, connection: ConnectionID, requestKey: String
    ) throws
        -> StoredResponse?
    {
        try store.responseInfo(runID: runID, connection: connection, requestKey: requestKey)
    }
    public func responseBody(runID: String, connection: ConnectionID, requestKey: String) throws -> Data? {
        try store.responseBody(runID: runID, connection: connection, requestKey: requestKey)
    }
    public func responses(
        runID: String, connection: ConnectionID?, endpoint: String?, entity: EntityID?
    )
        throws -> [StoredResponse]
    {
        try store.responses(runID: runID, connection: connection, endpoint: endpoint, entity: entity)
    }
    public func copyResponses(from source: String, to target: String, connection: ConnectionID) throws -> Int
    {
        try store.copyResponses(from: source, to: target, connection: connection)
    }
    public func deleteResponses(
        runID: String, connection: ConnectionID, keeping endpoint: String
    ) throws -> Int {
        try store.deleteResponses(runID: runID, connection: connection, keeping: endpoint)
    }
    public func forgetData(runID: String, keeping endpoint: String, options: String) throws {
        try store.database.transaction {
            _ = try store.deleteDataAnswers(runID: runID, keeping: endpoint)
            try store.updateRunOptions(runID, options: options)
        }
    }

    public func logRequests(_ entries: [RequestLogEntry]) throws {
        try unsynced {
            try store.database.transaction { for entry in entries { try store.logRequest(entry) } }
        }
    }
    public func lastAnsweredRequestID(runID: String, connection: ConnectionID) throws -> RequestID? {
        try store.lastAnsweredRequestID(runID: runID, connection: connection)
    }
    public func requestLog(runID: String?, connection: ConnectionID?) throws -> [RequestLogEntry] {
        try store.requestLog(runID: runID, connection: connection)
    }

    public func savePeriodTotals(
        _ records: [PeriodTotalsRecord], runID: String, period: Period, finishedAt: Date
    )
        throws
    {
        try store.savePeriodTotals(records, runID: runID, period: period, finishedAt: finishedAt)
    }
    public func latestPeriodTotals(period: Period) throws -> (runID: String, totals: [PeriodTotalsRecord])? {
        try store.latestPeriodTotals(period: period)
    }
    public func saveRefreshJob(_ record: RefreshJobRecord) throws -> Int64 {
        try store.saveRefreshJob(record)
    }
    public func latestRefreshJobs() throws -> [RefreshJobRecord] { try store.latestRefreshJobs() }

    // MARK: Keys

    public func verifyKeys() throws { try store.verifyKeys() }
    public func keyUsage() throws -> [String: KeyUsage] { try store.keyUsage() }
    public func useKeys(_ ring: KeyRing) { store.useKeys(ring) }
    public func reencryptSecrets(
        notUnder kid: String, beforeCommit: @Sendable (Int) throws -> Void
    ) throws -> Int {
        try store.reencryptSecrets(notUnder: kid, beforeCommit: beforeCommit)
    }
    public func reencryptResponses(
        notUnder kid: String, limit: Int, beforeCommit: @Sendable (Int) throws -> Void
    ) throws -> Int {
        try store.reencryptResponses(notUnder: kid, limit: limit, beforeCommit: beforeCommit)
    }
    public func discardOldCiphertexts() throws { try store.database.checkpoint() }

    /// Runs `body` with commits that do not wait for the disk. What it writes survives a crash of
    /// the process (the WAL is in the kernel's hands); only a crash of the machine can lose it, and
    /// then a resumed run calls Finch again for the answers lost — the store stays consistent.
    private func unsynced<T>(_ body: () throws -> T) throws -> T {
        try store.database.execute("PRAGMA synchronous = NORMAL")
        defer { try? store.database.execute("PRAGMA synchronous = FULL") }
        return try body()
    }
}

extension SQLiteStoreActor {
    public func rows(of table: StoreTable, after cursor: Int64, limit: Int) throws -> StoreRowPage {
        try store.rows(of: table, after: cursor, limit: limit)
    }

    public func rowCount(of table: StoreTable) throws -> Int { try store.rowCount(of: table) }

    public func holdsNoRows() throws -> Bool { try store.holdsNoRows() }

    /// In one transaction, open while the source's pages are awaited: this store is the copy's
    /// new file, which nothing else uses until the command moves it into place.
    public func load(from source: any StoreRowSource, pageSize: Int) async throws -> [String: Int] {
        try store.database.execute("BEGIN IMMEDIATE")
        do {
            var copied: [String: Int] = [:]
            for table in StoreTable.all {
                var cursor: Int64 = 0
                while true {
                    let page = try await source.rows(of: table, after: cursor, limit: pageSize)
                    if page.rows.isEmpty { break }
                    try store.insert(page.rows, into: table)
                    copied[table.name, default: 0] += page.rows.count
                    cursor = page.next
                }
            }
            try store.database.execute("COMMIT")
            return copied
        } catch {
            try? store.database.execute("ROLLBACK")
            throw error
        }
    }
}
