import Foundation

extension FinchClient {
    /// `POST /employer/individual` in batches of up to `individualsPerCall` ids, matched by id.
    /// SSNs are requested only with `includeSSN` (SPEC §4).
    public func individuals(
        _ token: AccessToken, ids: [IndividualID], includeSSN: Bool = false, connectionID: ConnectionID?,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[IndividualID: ItemResult<WireIndividual>]> {
        try await personBatches(
            .individual, token, ids: ids, connectionID: connectionID, onResponse: onResponse
        ) {
            IndividualBatchRequest(ids: $0, includeSSN: includeSSN)
        }
    }

    /// `POST /employer/employment` in batches of up to `individualsPerCall` ids, matched by id.
    public func employments(
        _ token: AccessToken, ids: [IndividualID], connectionID: ConnectionID?,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[IndividualID: ItemResult<WireEmployment>]> {
        try await personBatches(
            .employment, token, ids: ids, connectionID: connectionID, onResponse: onResponse
        ) {
            IndividualBatchRequest(ids: $0)
        }
    }

    private func personBatches<Body: Decodable & Sendable>(
        _ endpoint: FinchEndpoint, _ token: AccessToken, ids: [IndividualID], connectionID: ConnectionID?,
        onResponse: ResponseSink?, body: ([IndividualID]) -> IndividualBatchRequest
    ) async throws -> DataFetch<[IndividualID: ItemResult<Body>]> {
        var results: [IndividualID: ItemResult<Body>] = [:]
        for chunk in ids.chunked(limits.individualsPerCall) {
            let response = try await send(
                endpoint, .bearer(token), body: Self.encode(body(chunk)), connectionID: connectionID,
                onResponse: onResponse)
            if response.isPending { return .pending(response.requestID) }
            let batch = try response.decode(BatchResponse<Body>.self)
            results.merge(BatchMatching.match(batch.items, asked: chunk, response: response)) { $1 }
        }
        return .ok(results)
    }

    /// Receives one payment's page of statements as it arrives (in the caller's task).
    public typealias PayStatementPageSink = (PaymentID, [WirePayStatement]) async throws -> Void

    /// `POST /employer/pay-statement`: up to `paymentsPerPayStatementCall` payments a call, each page
    /// as large as allowed, a payment with more statements continuing in a later round (SPEC §8).
    public func payStatements(
        _ token: AccessToken, payments: [PaymentID], connectionID: ConnectionID?,
        onResponse: ResponseSink? = nil, onPage: PayStatementPageSink? = nil
    ) async throws -> DataFetch<[PaymentID: ItemResult<[WirePayStatement]>]> {
        var rounds = PayStatementRounds(
            payments: payments, perCall: limits.paymentsPerPayStatementCall,
            pageSize: limits.payStatementPageSize)
        var statements: [PaymentID: [WirePayStatement]] = [:]
        var results: [PaymentID: ItemResult<[WirePayStatement]>] = [:]
        while let call = rounds.nextCall() {
            let body = Self.encode(PayStatementBatchRequest(requests: call))
            let response = try await send(
                .payStatement, .bearer(token), body: body, connectionID: connectionID, onResponse: onResponse)
            if response.isPending { return .pending(response.requestID) }
            let batch = try response.decode(BatchResponse<PayStatementPage>.self)
            let asked = call.map { PaymentID($0.paymentID) }
            for (payment, result) in BatchMatching.match(batch.items, asked: asked, response: response) {
                guard case .ok(let page) = result else {
                    results[payment] = result.map { _ in [] }
                    continue
                }
                let received = page.payStatements?.elements.count ?? 0
                if let onPage {
                    // Streamed: the caller takes the page now, so a large payment is never held whole.
                    try await onPage(payment, page.payStatements?.present ?? [])
                } else {
                    statements[payment, default: []].append(contentsOf: page.payStatements?.present ?? [])
                }
                rounds.record(payment, received: received, count: page.paging?.count)
            }
        }
        for payment in payments where results[payment] == nil {
            results[payment] = .ok(statements[payment] ?? [])
        }
        return .ok(results)
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
