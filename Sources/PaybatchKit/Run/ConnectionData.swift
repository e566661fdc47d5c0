/// The export status of a connection (SPEC §8), in connections.csv and run.json.
public enum ExportStatus: String, Sendable, Codable, CaseIterable {
    case ok, partial, pending
    case reauthRequired = "reauth_required"
    case failed
    case notFetched = "not_fetched"

    /// What the Summary sheet tells the analyst to do about it.
    public var advice: String {
        switch self {
        case .ok: "Nothing to do."
        case .partial: "Some data is missing; the next run fetches what was pending."
        case .pending: "Finch has no data yet (assisted or first sync); the next run tries again."
        case .reauthRequired: "The employer must reauthenticate: run `paybatch reauth CONNECTION_ID`."
        case .failed: "Fetching failed; run again, and give Finch's support the request id if it persists."
        case .notFetched: "Not fetched in this run and nothing stored; run the export without --only."
        }
    }
}

/// What one fetch made of one connection: the small facts (status, errors, notes, what became of
/// each payment's statements). The rows themselves go to a `ConnectionDataSink` as they come.
public struct ConnectionData: Sendable {
    public var introspection: Introspection?
    public var directoryCount = 0
    public var payments: [WirePayment] = []
    /// What became of each payment's statements; empty when pay statements were not fetched.
    public var statementResults: [PaymentID: PayStatementsStatus] = [:]
    public var status: ExportStatus = .ok
    public var errors: [FinchFailure] = []
    public var notes = DataNotes()
    public var message: String?
    /// The fetch stopped at a call that failed for the whole connection (what follows was not asked).
    public var stoppedEarly = false

    public init() {}

    /// Payments whose statements answered item-level 202.
    public var pendingPayments: [PaymentID] {
        statementResults.compactMap { $0.value == .pending ? $0.key : nil }.sorted()
    }

    /// Marks the connection partial unless something worse is already known.
    mutating func degrade(to status: ExportStatus) {
        let order: [ExportStatus] = [.ok, .partial, .pending, .reauthRequired, .failed]
        if order.firstIndex(of: status)! > order.firstIndex(of: self.status)! { self.status = status }
    }
}
