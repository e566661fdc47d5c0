/// Where one connection's answers come from, call by call, as `ConnectionReader` asks for them in
/// SPEC §8's order: from Finch (`FinchAnswers`, the fetch) or from a run's stored answers
/// (`StoredAnswers`, the render). Each throws what stops the reading: a `FinchFailure` for the
/// connection, or what stops the run.
protocol ConnectionAnswers {
    /// The same answers for one entity of a multi-entity connection: every call with its
    /// `entity_ids` (issue 21).
    func scoped(to entity: EntityID) -> Self
    /// The batch and page sizes the calls are (or were) made with.
    var limits: FinchBatchLimits { get }
    func introspection() async throws -> Introspection
    func company() async throws -> DataFetch<WireCompany>
    func directory() async throws -> DataFetch<[DirectoryEntry]>
    func payments(in period: Period) async throws -> DataFetch<[WirePayment]>
    func individuals(_ ids: [IndividualID]) async throws -> DataFetch<PersonAnswers<WireIndividual>>
    func employments(_ ids: [IndividualID]) async throws -> DataFetch<PersonAnswers<WireEmployment>>
    /// The rounds of `payments`' statements, each answer's pages handed to `read` as it comes.
    func payStatementPages(
        _ payments: [PaymentID], read: (FinchClient.PayStatementAnswer) async throws -> Void
    ) async throws -> DataFetch<[PaymentID: ItemResult<Void>]>
    /// The company's benefits (`--include benefits`).
    func benefits() async throws -> DataFetch<[WireCompanyBenefit]>
    /// Every person enrolled in benefit `id`.
    func benefitEnrollments(_ id: String) async throws -> DataFetch<[WireBenefitEnrollment]>
}
