import Foundation

extension FinchClient {
    /// `POST /employer/individual` in batches of up to `individualsPerCall` ids, matched by id.
    /// SSNs are requested only with `includeSSN` (SPEC §4).
    public func individuals(
        _ token: AccessToken, ids: [IndividualID], includeSSN: Bool = false, connectionID: ConnectionID?,
        entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<PersonAnswers<WireIndividual>> {
        try await personBatches(
            .individual, token, ids: ids, connectionID: connectionID, entity: entity, onResponse: onResponse
        ) {
            IndividualBatchRequest(ids: $0, includeSSN: includeSSN)
        }
    }

    /// `POST /employer/employment` in batches of up to `individualsPerCall` ids, matched by id.
    public func employments(
        _ token: AccessToken, ids: [IndividualID], connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<PersonAnswers<WireEmployment>> {
        try await personBatches(
            .employment, token, ids: ids, connectionID: connectionID, entity: entity, onResponse: onResponse
        ) {
            IndividualBatchRequest(ids: $0)
        }
    }

    private func personBatches<Body: Decodable & Sendable>(
        _ endpoint: FinchEndpoint, _ token: AccessToken, ids: [IndividualID], connectionID: ConnectionID?,
        entity: EntityID?, onResponse: ResponseSink?, body: ([IndividualID]) -> IndividualBatchRequest
    ) async throws -> DataFetch<PersonAnswers<Body>> {
        try await PersonAnswers.batches(ids, perCall: limits.individualsPerCall) { chunk in
            try await send(
                endpoint, .bearer(token), body: Self.encode(body(chunk)), connectionID: connectionID,
                entity: entity,
                onResponse: onResponse)
        }
    }

    /// Statements decoded and handed on together; small enough that memory does not grow with a
    /// page, large enough that the hand-over costs nothing measurable.
    static let statementsPerChunk = 256

    /// `POST /employer/pay-statement`: up to `paymentsPerPayStatementCall` payments a call, each page
    /// as large as allowed, a payment with more statements continuing in a later round (SPEC §8).
    /// Every statement is held decoded: for an export's volumes, see `payStatementPages`.
    public func payStatements(
        _ token: AccessToken, payments: [PaymentID], connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[PaymentID: ItemResult<[WirePayStatement]>]> {
        var statements: [PaymentID: [WirePayStatement]] = [:]
        let fetch = try await payStatementRounds(
            token, payments: payments, connectionID: connectionID, entity: entity, onResponse: onResponse
        ) { answer in
            for (payment, page) in answer {
                await page.forEachChunk(of: Self.statementsPerChunk) { chunk in
                    statements[payment, default: []].append(contentsOf: chunk)
                }
            }
        }
        switch fetch {
        case .pending(let id): return .pending(id)
        case .ok(let results):
            return .ok(
                Dictionary(
                    uniqueKeysWithValues: results.map { id, result in
                        (id, result.map { statements[id] ?? [] })
                    }))
        }
    }

    /// One answer's pages, in the order their payments were asked for.
    public typealias PayStatementAnswer = [(payment: PaymentID, page: PayStatementPage)]

    /// The same calls as `payStatements`, each answer's pages handed to `read` undecoded: the
    /// export's fetch reads them on a task of its own, behind the calls (`StatementReading`).
    public func payStatementPages(
        _ token: AccessToken, payments: [PaymentID], connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil, read: (PayStatementAnswer) async throws -> Void
    ) async throws -> DataFetch<[PaymentID: ItemResult<Void>]> {
        try await payStatementRounds(
            token, payments: payments, connectionID: connectionID, entity: entity, onResponse: onResponse,
            read: read)
    }

    /// The rounds of SPEC §8; `read` takes each answer's pages as they come. Every asked payment
    /// ends `.ok(())` unless its item failed or is pending.
    private func payStatementRounds(
        _ token: AccessToken, payments: [PaymentID], connectionID: ConnectionID?, entity: EntityID?,
        onResponse: ResponseSink?,
        read: (PayStatementAnswer) async throws -> Void
    ) async throws -> DataFetch<[PaymentID: ItemResult<Void>]> {
        try await PayStatementRounds.read(
            payments, perCall: limits.paymentsPerPayStatementCall, pageSize: limits.payStatementPageSize,
            call: { call in
                try await send(
                    .payStatement, .bearer(token),
                    body: Self.encode(PayStatementBatchRequest(requests: call)),
                    connectionID: connectionID, entity: entity, onResponse: onResponse)
            }, read: read)
    }
}

extension ItemResult {
    func map<Other: Sendable>(_ transform: (Value) -> Other) -> ItemResult<Other> {
        switch self {
        case .ok(let value): .ok(transform(value))
        case .pending(let id): .pending(id)
        case .failed(let failure): .failed(failure)
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map {
            Array(self[$0..<Swift.min($0 + size, count)])
        }
    }
}
