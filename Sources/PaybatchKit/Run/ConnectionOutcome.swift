import Foundation

/// What one run made of one connection: the facts connections.csv, the Summary sheet and run.json
/// report. Counts are filled when the connection's rows are written.
public struct ConnectionOutcome: Sendable {
    public var record: ConnectionRecord
    public var customerName: String
    public var identity: ConnectionIdentity
    public var status: ExportStatus
    /// `fetched` or `reused` (SPEC §8).
    public var source: String
    public var errors: [FinchFailure]
    public var message: String?
    public var pendingPayments: [PaymentID]
    public var dataRetrieved: UTCTimestamp?
    public var lastRequestID: RequestID?
    public var connectionStatus: String?
    public var lastSuccessfulSync: String?
    public var individuals = 0
    public var payments = 0
    public var payStatements = 0
    /// Gross and net pay per currency (the Summary's totals).
    public var totals = CurrencyTotals()
    /// The entity of a multi-entity connection this row is of (issue 21); nil for a connection of
    /// one entity. Its `connectionStatus` is then the entity's status.
    public var entity: ConnectionEntity?

    /// What the run recorded for the connection; nil when it has nothing (`not_fetched`).
    init(record: ConnectionRecord, customerName: String, recorded: RunConnectionRecord?) {
        self.record = record
        self.customerName = customerName
        identity = ConnectionIdentity(record: record, customerName: customerName, introspection: nil)
        status = recorded?.status ?? .notFetched
        source = recorded?.source ?? "fetched"
        errors = recorded?.errors ?? []
        message = recorded?.message
        pendingPayments = []
        lastRequestID = errors.last?.requestID
        connectionStatus = record.details.status.rawValue
        lastSuccessfulSync = record.details.lastSuccessfulSync
    }

    /// Adds what reading its answers gave (in its fetch, or from the store): the connection as
    /// introspect saw it, its pending payments, and the counts and totals of the rows written.
    mutating func apply(_ data: ConnectionFacts, rows: RowSummary) {
        identity = rows.identity
        pendingPayments = data.pendingPayments
        if let status = data.introspection?.connectionStatus {
            connectionStatus = status.status?.rawValue ?? connectionStatus
            lastSuccessfulSync = status.lastSuccessfulSync ?? lastSuccessfulSync
        }
        individuals = rows.individuals
        payments = rows.payments
        payStatements = rows.payStatements
        totals = rows.totals
    }
}

extension ConnectionOutcome {
    /// The rows a connection gives the reports: itself, with what reading its answers gave; or,
    /// for a connection of several entities, one per entity, by entity id, each with its own
    /// status, errors, counts and totals. An entity's status is what the run recorded for it, as
    /// the connection's is: a reading from the store stops where the fetch stopped, and cannot
    /// tell. `rows`: the summaries of the rows read, the connection's or one per entity read.
    static func units(
        of connection: ConnectionOutcome, recorded: RunConnectionRecord?, data: ConnectionFacts?,
        rows: [RowSummary]?
    ) -> [(outcome: ConnectionOutcome, rows: RowSummary?)] {
        let read = data?.entities ?? []
        let records = recorded?.entities ?? []
        guard !read.isEmpty || !records.isEmpty else {
            var outcome = connection
            if let data, let summary = rows?.first { outcome.apply(data, rows: summary) }
            return [(outcome, rows?.first)]
        }
        let entities = read.isEmpty ? records.map(\.entity) : read.map(\.entity)
        return entities.map { entity in
            var outcome = connection
            outcome.entity = entity
            outcome.identity.entityID = entity.id
            outcome.identity.entityName = entity.name
            let facts = read.first { $0.entity.id == entity.id }
            let record = records.first { $0.entity.id == entity.id }
            outcome.status = record?.status ?? facts?.facts.status ?? connection.status
            outcome.errors = record?.errors ?? facts?.facts.errors ?? []
            outcome.message = record?.message ?? facts?.facts.message
            var summary: RowSummary?
            if let facts, !facts.unread, let found = rows?.first(where: { $0.identity.entityID == entity.id })
            {
                outcome.apply(facts.facts, rows: found)
                summary = found
            }
            outcome.connectionStatus = entity.status
            return (outcome, summary)
        }
    }

    /// The outcomes of each connection: one, or its entities' (consecutive in the report order).
    static func byConnection(_ outcomes: [ConnectionOutcome]) -> [[ConnectionOutcome]] {
        var groups: [[ConnectionOutcome]] = []
        for outcome in outcomes {
            if outcome.entity != nil, let last = groups.last?.last, last.entity != nil,
                last.identity.connectionID == outcome.identity.connectionID
            {
                groups[groups.count - 1].append(outcome)
            } else {
                groups.append([outcome])
            }
        }
        return groups
    }

    /// Each connection's export status: its own, or the worst of its entities'.
    public static func connectionStatuses(_ outcomes: [ConnectionOutcome]) -> [ExportStatus] {
        byConnection(outcomes).map { $0.map(\.status).reduce(ExportStatus.ok) { $0.worse($1) } }
    }

    /// `failed` for a transient reason (SPEC §2: 5xx, timeouts, 429s after the retries and the
    /// budget): the failure that stopped it is one paybatch retries, so the next run may well
    /// succeed without anyone acting. Such a connection makes the run exit 75, not 3.
    public var failedTransiently: Bool {
        status == .failed && (errors.last?.failureClass.retryable ?? false)
    }

    /// Whether the next run fetches it again with a fair chance of success (run.json's
    /// `retry_next_run`, the Summary): every status but `ok` is fetched again (SPEC §8), except
    /// those a person must act on first, `reauth_required` and a permanent failure.
    public var retriedByNextRun: Bool {
        switch status {
        case .ok, .reauthRequired: false
        case .failed: failedTransiently
        case .partial, .pending, .notFetched: true
        }
    }

    /// SPEC §2: 0 when every connection is `ok`; 75 when one failed for a transient reason (the
    /// files are written, and the next run fetches it again); else 3.
    static func exitStatus(of outcomes: [ConnectionOutcome]) -> ExitStatus {
        if outcomes.contains(where: \.failedTransiently) { return .temporary }
        return outcomes.allSatisfy { $0.status == .ok } ? .ok : .partial
    }
}

extension ConnectionIdentity {
    /// The connection's ids: introspect's when it answered, else the roster's.
    init(record: ConnectionRecord, customerName: String? = nil, introspection: Introspection?) {
        self.init(
            customerID: record.customerID, customerName: customerName,
            companyID: introspection?.companyID.map(CompanyID.init) ?? record.details.companyID,
            connectionID: record.connectionID,
            providerID: introspection?.effectiveProviderID.map(ProviderID.init) ?? record.details.providerID)
    }
}

extension ConnectionOutcome: ReportRow {
    public func cell(_ field: ConnectionsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(customerName)
        case .companyID: Cell(identity.companyID)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .providerID: Cell(identity.providerID)
        case .clientType: Cell(record.details.clientType)
        case .assisted: Cell(record.details.assisted)
        case .connectionStatus: Cell(connectionStatus)
        case .lastSuccessfulSync: Cell(lastSuccessfulSync.flatMap(UTCTimestamp.init(iso:)))
        case .dataRetrievedAt: Cell(dataRetrieved)
        case .exportStatus: .text(status.rawValue)
        case .individuals: Cell(individuals)
        case .payments: Cell(payments)
        case .payStatements: Cell(payStatements)
        case .pendingPayments: Cell(pendingPayments.count)
        case .errors: Cell(errors.count)
        case .lastRequestID: Cell(lastRequestID)
        case .message: Cell(message ?? (status == .ok ? nil : status.advice))
        }
    }
}
