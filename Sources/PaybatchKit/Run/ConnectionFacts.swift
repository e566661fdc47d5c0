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
    /// A connection of several entities: each one's facts, by entity id; the connection's own
    /// status, errors and `stoppedEarly` are then the sum of theirs (`add(_:)`). Empty otherwise.
    public var entities: [EntityFacts] = []

    public init() {}

    /// Payments whose statements answered item-level 202.
    public var pendingPayments: [PaymentID] {
        statementResults.compactMap { $0.value == .pending ? $0.key : nil }.sorted()
    }

    /// Adds one entity's facts: the connection is as bad as its worst entity, lists every
    /// entity's errors, and stopped early when one did (its rows are then read from the store).
    mutating func add(_ entity: EntityFacts) {
        entities.append(entity)
        degrade(to: entity.facts.status)
        errors += entity.facts.errors
        stoppedEarly = stoppedEarly || entity.facts.stoppedEarly
        message = message ?? entity.facts.message
    }

    /// Marks the connection partial unless something worse is already known.
    mutating func degrade(to status: ExportStatus) { self.status = self.status.worse(status) }
}
