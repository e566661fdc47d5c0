/// Fetches one connection for one period with the fewest calls SPEC §8 allows: introspect, company,
/// directory pages, individual and employment batches, the period's payments, pay statements ten
/// payments a call — `ConnectionReader` over Finch's answers, each stored as it arrives.
public struct ConnectionFetcher: Sendable {
    public let client: FinchClient
    public let period: Period
    public let includeSSN: Bool
    /// `--include benefits`: 1 + B more calls per connection granted the product.
    public var includeBenefits = false

    public init(client: FinchClient, period: Period, includeSSN: Bool = false, includeBenefits: Bool = false)
    {
        self.client = client
        self.period = period
        self.includeSSN = includeSSN
        self.includeBenefits = includeBenefits
    }

    /// What the connection gave. Throws only what stops the whole run (`FinchRunStop`, a store
    /// failure); everything about this connection is recorded in the result.
    /// `organizationFirst`: the connection's payroll calls would wait anyway (see `ConnectionReader`).
    /// `beforeData` sees the introspection of a connection that has data to fetch and says
    /// whether to fetch it (false: an earlier run's stored data serves, SPEC §8's re-run rule).
    func fetch(
        _ id: ConnectionID, token: AccessToken, organizationFirst: Bool = false,
        into sink: (any ConnectionRowSink)? = nil,
        beforeData: (Introspection) async throws -> Bool = { _ in true }
    ) async throws -> ConnectionFacts {
        let answers = FinchAnswers(client: client, token: token, connectionID: id, includeSSN: includeSSN)
        return try await ConnectionReader(answers: answers, period: period, includeBenefits: includeBenefits)
            .read(
                organizationFirst: organizationFirst, into: sink, beforeData: beforeData)
    }
}
