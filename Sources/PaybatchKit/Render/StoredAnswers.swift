/// One connection's stored answers of one run, read straight from the store: each endpoint's in the
/// order they were stored, which is the order the fetch asked for them (one call after another per
/// connection; a resumed run finds the answers it has and stores only those it lacked, after them),
/// each body decrypted only when its turn comes. The same decoding as the client's reads them.
///
/// Only answers that came with HTTP 200 are stored: where a call failed or answered 202 there is
/// none, and the reading stops there (`NotStored`).
final class StoredAnswers: ConnectionAnswers {
    /// The stored run has no answer for a call the reading needs: the fetch stopped at that call.
    struct NotStored: Error {
        var endpoint: FinchEndpoint
    }

    /// The sizes the run's calls were made with: which answer stands for which call follows from
    /// them (the directory's pages, the people's batches, the pay-statement rounds).
    let limits: FinchBatchLimits
    private let store: RunStore
    private let runID: String
    private let connection: ConnectionID
    /// Set for one entity of a multi-entity connection: only its answers are read.
    private let entity: EntityID?
    /// Per endpoint, once asked for: its stored answers not read yet.
    private var unread: [FinchEndpoint: ArraySlice<StoredResponse>] = [:]

    init(
        store: RunStore, runID: String, connection: ConnectionID, limits: FinchBatchLimits,
        entity: EntityID? = nil
    ) {
        self.store = store
        self.runID = runID
        self.connection = connection
        self.limits = limits
        self.entity = entity
    }

    /// The entity's own answers, stored apart from the others' (`RequestKey.entity`).
    func scoped(to entity: EntityID) -> StoredAnswers {
        StoredAnswers(store: store, runID: runID, connection: connection, limits: limits, entity: entity)
    }

    func introspection() async throws -> Introspection {
        try await next(.introspect).decode(Introspection.self)
    }

    func company() async throws -> DataFetch<WireCompany> {
        try FinchClient.company(in: try await next(.company))
    }

    func directory() async throws -> DataFetch<[DirectoryEntry]> {
        try await DirectoryPaging.entries(pageSize: limits.directoryPageSize) { _ in
            try await next(.directory)
        }
    }

    /// The run's one payments answer: a run is of one period.
    func payments(in period: Period) async throws -> DataFetch<[WirePayment]> {
        try FinchClient.payments(in: try await next(.payment))
    }

    func individuals(_ ids: [IndividualID]) async throws -> DataFetch<PersonAnswers<WireIndividual>> {
        try await PersonAnswers.batches(ids, perCall: limits.individualsPerCall) { _ in
            try await next(.individual)
        }
    }

    func employments(_ ids: [IndividualID]) async throws -> DataFetch<PersonAnswers<WireEmployment>> {
        try await PersonAnswers.batches(ids, perCall: limits.individualsPerCall) { _ in
            try await next(.employment)
        }
    }

    func payStatementPages(
        _ payments: [PaymentID], read: (FinchClient.PayStatementAnswer) async throws -> Void
    ) async throws -> DataFetch<[PaymentID: ItemResult<Void>]> {
        try await PayStatementRounds.read(
            payments, perCall: limits.paymentsPerPayStatementCall, pageSize: limits.payStatementPageSize,
            call: { _ in try await next(.payStatement) }, read: read)
    }

    func benefits() async throws -> DataFetch<[WireCompanyBenefit]> {
        try FinchClient.benefits(in: try await next(.benefits))
    }

    /// The benefits' enrollments were asked for one after another, in the benefits' order, and
    /// stored in that order: the next stored answer is `id`'s.
    func benefitEnrollments(_ id: String) async throws -> DataFetch<[WireBenefitEnrollment]> {
        try FinchClient.benefitEnrollments(in: try await next(.benefitIndividuals))
    }

    /// The endpoint's next stored answer, its body decrypted (one body at a time is held here).
    private func next(_ endpoint: FinchEndpoint) async throws -> FinchResponse {
        if unread[endpoint] == nil {
            unread[endpoint] = try await store.storedAnswers(
                runID: runID, connection: connection, endpoint: endpoint, entity: entity)[...]
        }
        guard let info = unread[endpoint]?.popFirst(),
            let answer = try await store.answer(info, endpoint: endpoint)
        else { throw NotStored(endpoint: endpoint) }
        return answer
    }
}
