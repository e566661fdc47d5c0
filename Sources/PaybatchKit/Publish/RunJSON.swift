import Foundation

/// run.json (SPEC §8): the run, its calls per bucket, every connection's result with its errors
/// and request ids, and every file written with its rows and sha256. Renamed into place last.
struct RunJSON: Encodable {
    struct Counts: Encodable {
        var individuals: Int
        var payments: Int
        var payStatements: Int
        var pendingPayments: Int
        enum CodingKeys: String, CodingKey {
            case individuals, payments
            case payStatements = "pay_statements"
            case pendingPayments = "pending_payments"
        }
    }

    struct ErrorEntry: Encodable {
        var endpoint: String?
        var httpStatus: Int?
        var code: String
        var finchCode: String?
        var itemID: String?
        var requestID: String?
        var message: String
        enum CodingKeys: String, CodingKey {
            case endpoint, code, message
            case httpStatus = "http_status"
            case finchCode = "finch_code"
            case itemID = "item_id"
            case requestID = "request_id"
        }
    }

    /// One entity of a multi-entity connection (issue 21).
    struct Entity: Encodable {
        var id: String
        var name: String?
        /// Its status at Finch, as `/introspect` listed it.
        var status: String
        var exportStatus: String
        var counts: Counts
        enum CodingKeys: String, CodingKey {
            case id, name, status, counts
            case exportStatus = "export_status"
        }
    }

    /// One forced refresh `--refresh-first` asked for before fetching (issue 21).
    struct RefreshJob: Encodable {
        var connectionID: String
        var jobID: String?
        var status: String
        var requestID: String?
        var message: String?
        enum CodingKeys: String, CodingKey {
            case status, message
            case connectionID = "connection_id"
            case jobID = "job_id"
            case requestID = "request_id"
        }
    }

    struct Connection: Encodable {
        var customerID: String
        var companyID: String?
        var connectionID: String
        var providerID: String?
        var exportStatus: String
        var source: String
        var dataRetrievedAt: String?
        var counts: Counts
        var errors: [ErrorEntry]
        /// A multi-entity connection's entities; absent for a connection of one entity.
        var entities: [Entity]?
        enum CodingKeys: String, CodingKey {
            case source, counts, errors, entities
            case customerID = "customer_id"
            case companyID = "company_id"
            case connectionID = "connection_id"
            case providerID = "provider_id"
            case exportStatus = "export_status"
            case dataRetrievedAt = "data_retrieved_at"
        }
    }

    var runID: String
    var period: String
    var toolVersion: String
    var startedAt: String
    var finishedAt: String
    var status: String
    var exitCode: Int32
    /// False for a run made before its month ended (SPEC §2); always present.
    var periodComplete: Bool
    /// The connections the next run fetches again (`ConnectionOutcome.retriedByNextRun`).
    var retryNextRun: [String]
    var calls: [String: Int]
    /// Attempts after the first, per call name (SPEC §8: retries are counted apart).
    var retries: [String: Int]
    /// Seconds spent waiting for the shared rate limiter, per call name.
    var limiterWaitS: [String: Double]
    var connections: [Connection]
    var files: [WrittenFile]
    /// `--refresh-first`'s refreshes; absent from an export that asked for none.
    var refreshJobs: [RefreshJob]?

    enum CodingKeys: String, CodingKey {
        case period, status, calls, retries, connections, files
        case refreshJobs = "refresh_jobs"
        case limiterWaitS = "limiter_wait_s"
        case runID = "run_id"
        case toolVersion = "tool_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case exitCode = "exit_code"
        case periodComplete = "period_complete"
        case retryNextRun = "retry_next_run"
    }

    init(
        run: RunRecord, finishedAt: Date, exitStatus: ExitStatus, tally: CallTally,
        outcomes: [ConnectionOutcome],
        files: [WrittenFile], refreshJobs: [RefreshJobRecord] = []
    ) {
        self.refreshJobs =
            refreshJobs.isEmpty
            ? nil
            : refreshJobs.map {
                RefreshJob(
                    connectionID: $0.connectionID.rawValue, jobID: $0.jobID, status: $0.status.rawValue,
                    requestID: $0.requestID?.rawValue, message: $0.message)
            }
        runID = run.runID
        period = run.period.description
        toolVersion = PaybatchVersion.current
        startedAt = UTCTimestamp(run.startedAt).description
        self.finishedAt = UTCTimestamp(finishedAt).description
        status = exitStatus == .ok ? "complete" : "partial"
        exitCode = exitStatus.rawValue
        periodComplete = run.periodComplete
        retryNextRun = ConnectionOutcome.byConnection(outcomes.filter(\.retriedByNextRun)).map {
            $0[0].identity.connectionID.rawValue
        }
        calls = tally.calls
        retries = tally.retries
        limiterWaitS = tally.limiterWaitSeconds
        connections = ConnectionOutcome.byConnection(outcomes).map(Self.connection)
        self.files = files
    }

    /// One connection's entry: a multi-entity connection is as bad as its worst entity, counts
    /// the sum of theirs and lists every entity's errors.
    private static func connection(_ parts: [ConnectionOutcome]) -> Connection {
        let o = parts[0]
        let counts = { (o: ConnectionOutcome) in
            Counts(
                individuals: o.individuals, payments: o.payments, payStatements: o.payStatements,
                pendingPayments: o.pendingPayments.count)
        }
        return Connection(
            customerID: o.identity.customerID.rawValue, companyID: o.identity.companyID?.rawValue,
            connectionID: o.identity.connectionID.rawValue, providerID: o.identity.providerID?.rawValue,
            exportStatus: ConnectionOutcome.connectionStatuses(parts)[0].rawValue, source: o.source,
            dataRetrievedAt: o.dataRetrieved?.description,
            counts: Counts(
                individuals: parts.map(\.individuals).reduce(0, +),
                payments: parts.map(\.payments).reduce(0, +),
                payStatements: parts.map(\.payStatements).reduce(0, +),
                pendingPayments: parts.map(\.pendingPayments.count).reduce(0, +)),
            errors: parts.flatMap(\.errors).map {
                ErrorEntry(
                    endpoint: $0.endpoint?.path, httpStatus: $0.httpStatus, code: $0.code,
                    finchCode: $0.finchCode,
                    itemID: $0.itemID, requestID: $0.requestID?.rawValue, message: $0.message)
            },
            entities: o.entity == nil
                ? nil
                : parts.compactMap { part in
                    part.entity.map {
                        Entity(
                            id: $0.id.rawValue, name: $0.name, status: $0.status,
                            exportStatus: part.status.rawValue, counts: counts(part))
                    }
                })
    }

    /// Writes run.json atomically; it is the last file renamed into place.
    func write(to folder: OutputFolder) throws -> WrittenFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let file = try folder.create("run.json")
        try file.write(try encoder.encode(self) + Data("\n".utf8))
        return try file.commit(rows: connections.count)
    }
}
