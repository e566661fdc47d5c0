/// What one fetch made of one connection: the small facts (status, errors, notes, what became of
/// each payment's statements). The rows themselves go to a `ConnectionRowSink` as they come.
public struct ConnectionFacts: Sendable {
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
    /// The benefits and enrollments read (`--include benefits`); nil when not asked for or not granted.
    public var benefits: ConnectionBenefits?
    /// An earlier run's stored answers serve the connection (SPEC §8's re-run rule): no data call.
    public var reused = false

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
