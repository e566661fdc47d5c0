/// The export status of a connection (SPEC §8), in connections.csv and run.json.
public enum ExportStatus: String, Sendable, Codable, CaseIterable {
    case ok, partial, pending
    case reauthRequired = "reauth_required"
    case failed
    case notFetched = "not_fetched"

    /// What the Summary sheet tells the analyst to do about it.
    public var advice: String {
        switch self {
        case .ok: "Nothing to do."
        case .partial: "Some data is missing; the next run fetches what was pending."
        case .pending: "Finch has no data yet (assisted or first sync); the next run tries again."
        case .reauthRequired: "The employer must reauthenticate: run `paybatch reauth CONNECTION_ID`."
        case .failed: "Fetching failed; run again, and give Finch's support the request id if it persists."
        case .notFetched: "Not fetched in this run and nothing stored; run the export without --only."
        }
    }

    /// The worse of two statuses, in the order cases are declared (`ok` best, `not_fetched`
    /// worst): a connection is as bad as the worst of its parts (its entities, its calls).
    public func worse(_ other: ExportStatus) -> ExportStatus {
        let order = Self.allCases
        return order.firstIndex(of: other)! > order.firstIndex(of: self)! ? other : self
    }
}
