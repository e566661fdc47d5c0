import Foundation

extension FinchClient {
    /// `GET /employer/company`.
    public func company(
        _ token: AccessToken, connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    )
        async throws -> DataFetch<WireCompany>
    {
        try Self.company(
            in: try await send(
                .company, .bearer(token), connectionID: connectionID, entity: entity, onResponse: onResponse))
    }

    /// What a company answer says, from Finch or from a stored run.
    static func company(in response: FinchResponse) throws(FinchFailure) -> DataFetch<WireCompany> {
        if response.isPending { return .pending(response.requestID) }
        return .ok(try response.decode(WireCompany.self))
    }

    /// The whole directory: pages of `directoryPageSize` until `paging.count` is reached, an empty
    /// page comes, or — without a count — a short page (API.md §3.2).
    public func directory(
        _ token: AccessToken, connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    )
        async throws -> DataFetch<[DirectoryEntry]>
    {
        let pageSize = limits.directoryPageSize
        return try await DirectoryPaging.entries(pageSize: pageSize) { offset in
            let query = [
                URLQueryItem(name: "limit", value: String(pageSize)),
                URLQueryItem(name: "offset", value: String(offset)),
            ]
            return try await send(
                .directory, .bearer(token), query: query, connectionID: connectionID, entity: entity,
                onResponse: onResponse)
        }
    }

    /// `GET /employer/payment` for the payments whose `pay_date` falls in the period (inclusive).
    public func payments(
        _ token: AccessToken, period: Period, connectionID: ConnectionID?, entity: EntityID? = nil,
        onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[WirePayment]> {
        let query = [
            URLQueryItem(name: "start_date", value: period.firstDay.description),
            URLQueryItem(name: "end_date", value: period.lastDay.description),
        ]
        return try Self.payments(
            in: try await send(
                .payment, .bearer(token), query: query, connectionID: connectionID, entity: entity,
                onResponse: onResponse))
    }

    /// What a payments answer lists (a bare array), from Finch or from a stored run.
    static func payments(in response: FinchResponse) throws(FinchFailure) -> DataFetch<[WirePayment]> {
        if response.isPending { return .pending(response.requestID) }
        return .ok(try response.decode(WireList<WirePayment>.self).present)
    }
}
