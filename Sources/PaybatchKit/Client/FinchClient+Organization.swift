import Foundation

extension FinchClient {
    /// `GET /employer/company`.
    public func company(
        _ token: AccessToken, connectionID: ConnectionID?, onResponse: ResponseSink? = nil
    )
        async throws -> DataFetch<WireCompany>
    {
        let response = try await send(
            .company, .bearer(token), connectionID: connectionID, onResponse: onResponse)
        if response.isPending { return .pending(response.requestID) }
        return .ok(try response.decode(WireCompany.self))
    }

    /// The whole directory: pages of `directoryPageSize` until `paging.count` is reached, an empty
    /// page comes, or — without a count — a short page (API.md §3.2).
    public func directory(
        _ token: AccessToken, connectionID: ConnectionID?, onResponse: ResponseSink? = nil
    )
        async throws -> DataFetch<[DirectoryEntry]>
    {
        var entries: [DirectoryEntry] = []
        var offset = 0
        while true {
            let query = [
                URLQueryItem(name: "limit", value: String(limits.directoryPageSize)),
                URLQueryItem(name: "offset", value: String(offset)),
            ]
            let response = try await send(
                .directory, .bearer(token), query: query, connectionID: connectionID, onResponse: onResponse)
            if response.isPending { return .pending(response.requestID) }
            let page = try response.decode(DirectoryPage.self)
            let received = page.individuals?.elements.count ?? 0
            entries.append(contentsOf: page.individuals?.present ?? [])
            guard
                let next = DirectoryPaging.nextOffset(
                    after: offset, received: received, count: page.paging?.count,
                    pageSize: limits.directoryPageSize)
            else { return .ok(entries) }
            offset = next
        }
    }

    /// `GET /employer/payment` for the payments whose `pay_date` falls in the period (inclusive).
    public func payments(
        _ token: AccessToken, period: Period, connectionID: ConnectionID?, onResponse: ResponseSink? = nil
    ) async throws -> DataFetch<[WirePayment]> {
        let query = [
            URLQueryItem(name: "start_date", value: period.firstDay.description),
            URLQueryItem(name: "end_date", value: period.lastDay.description),
        ]
        let response = try await send(
            .payment, .bearer(token), query: query, connectionID: connectionID, onResponse: onResponse)
        if response.isPending { return .pending(response.requestID) }
        return .ok(try response.decode(WireList<WirePayment>.self).present)
    }
}

/// The directory's paging rule as a pure function.
public enum DirectoryPaging {
    /// The next offset to ask for, or nil when the directory is complete.
    public static func nextOffset(after offset: Int, received: Int, count: Int?, pageSize: Int) -> Int? {
        guard received > 0 else { return nil }
        let next = offset + received
        if let count, count > 0 { return next < count ? next : nil }
        return received < pageSize ? nil : next
    }
}
