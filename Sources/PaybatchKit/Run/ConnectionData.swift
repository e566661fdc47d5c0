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
        case .partial: "Some data is missing (see Data Quality); the next run fetches what was pending."
        case .pending: "Finch has no data yet (assisted or first sync); the next run tries again."
        case .reauthRequired: "The employer must reauthenticate: run `paybatch reauth CONNECTION_ID`."
        case .failed: "Fetching failed; see the errors and request ids in run.json, then run again."
        case .notFetched: "Not fetched in this run and nothing stored; run the export without --only."
        }
    }
}

/// Everything one export fetched for one connection, decoded, and what became of each call.
public struct ConnectionData: Sendable {
    public var introspection: Introspection?
    public var directory: [DirectoryEntry] = []
    public var individuals: [IndividualID: ItemResult<WireIndividual>] = [:]
    public var employments: [IndividualID: ItemResult<WireEmployment>] = [:]
    public var payments: [WirePayment] = []
    public var statements: [PaymentID: ItemResult<[WirePayStatement]>] = [:]
    /// Whether the pay_statement product was fetched at all (else payments say `none`).
    public var statementsFetched = false
    public var status: ExportStatus = .ok
    public var errors: [FinchFailure] = []
    public var notes = DataNotes()
    public var message: String?

    public init() {}

    /// Payments whose statements answered item-level 202.
    public var pendingPayments: [PaymentID] {
        statements.compactMap { if case .pending = $0.value { return $0.key } else { return nil } }.sorted()
    }

    /// Marks the connection partial unless something worse is already known.
    mutating func degrade(to status: ExportStatus) {
        let order: [ExportStatus] = [.ok, .partial, .pending, .reauthRequired, .failed]
        if order.firstIndex(of: status)! > order.firstIndex(of: self.status)! { self.status = status }
    }
}
