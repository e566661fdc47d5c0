import Foundation

/// The directory's paging rule as a pure function, and the pages read by it.
public enum DirectoryPaging {
    /// The next offset to ask for, or nil when the directory is complete.
    public static func nextOffset(after offset: Int, received: Int, count: Int?, pageSize: Int) -> Int? {
        guard received > 0 else { return nil }
        let next = offset + received
        if let count, count > 0 { return next < count ? next : nil }
        return received < pageSize ? nil : next
    }

    /// The whole directory: `page` answers the page at each offset in turn — from Finch, or from
    /// a stored run — until `nextOffset` says it is complete; a 202 stops at that page.
    static func entries(
        pageSize: Int, page: (_ offset: Int) async throws -> FinchResponse
    ) async throws -> DataFetch<[DirectoryEntry]> {
        var entries: [DirectoryEntry] = []
        var offset = 0
        while true {
            let response = try await page(offset)
            if response.isPending { return .pending(response.requestID) }
            let decoded = try response.decode(DirectoryPage.self)
            let received = decoded.individuals?.elements.count ?? 0
            entries.append(contentsOf: decoded.individuals?.present ?? [])
            guard
                let next = nextOffset(
                    after: offset, received: received, count: decoded.paging?.count, pageSize: pageSize)
            else { return .ok(entries) }
            offset = next
        }
    }
}
