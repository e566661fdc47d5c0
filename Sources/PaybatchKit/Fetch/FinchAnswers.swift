/// One connection's answers from Finch, through the client (and its cache: a resumed run's stored
/// answers serve without a call).
struct FinchAnswers: ConnectionAnswers {
    let client: FinchClient
    let token: AccessToken
    let connectionID: ConnectionID
    let includeSSN: Bool
    /// Set for one entity of a multi-entity connection: every data call names it.
    var entity: EntityID?

    func scoped(to entity: EntityID) -> FinchAnswers {
        var scoped = self
        scoped.entity = entity
        return scoped
    }

    var limits: FinchBatchLimits { client.limits }

    func introspection() async throws -> Introspection {
        try await client.introspect(token, connectionID: connectionID)
    }

    func company() async throws -> DataFetch<WireCompany> {
        try await client.company(token, connectionID: connectionID, entity: entity)
    }

    func directory() async throws -> DataFetch<[DirectoryEntry]> {
        try await client.directory(token, connectionID: connectionID, entity: entity)
    }

    func payments(in period: Period) async throws -> DataFetch<[WirePayment]> {
        try await client.payments(token, period: period, connectionID: connectionID, entity: entity)
    }

    func individuals(_ ids: [IndividualID]) async throws -> DataFetch<PersonAnswers<WireIndividual>> {
        try await client.individuals(
            token, ids: ids, includeSSN: includeSSN, connectionID: connectionID, entity: entity)
    }

    func employments(_ ids: [IndividualID]) async throws -> DataFetch<PersonAnswers<WireEmployment>> {
        try await client.employments(token, ids: ids, connectionID: connectionID, entity: entity)
    }

    func payStatementPages(
        _ payments: [PaymentID], read: (FinchClient.PayStatementAnswer) async throws -> Void
    ) async throws -> DataFetch<[PaymentID: ItemResult<Void>]> {
        try await client.payStatementPages(
            token, payments: payments, connectionID: connectionID, entity: entity, read: read)
    }

    func benefits() async throws -> DataFetch<[WireCompanyBenefit]> {
        try await client.benefits(token, connectionID: connectionID, entity: entity)
    }

    func benefitEnrollments(_ id: String) async throws -> DataFetch<[WireBenefitEnrollment]> {
        try await client.benefitEnrollments(token, benefitID: id, connectionID: connectionID, entity: entity)
    }
}
