/// Flags beside the category (SPEC §5), on companies and on connections.
public enum ReconciliationFlag: String, CaseIterable, Sendable, Codable, Comparable {
    /// Billed and live, but the employer must reauthenticate before data can be fetched.
    case reauthRequired = "reauth_required"
    /// The company's connections live in the period span two or more known providers.
    case multiProvider = "multi_provider"
    /// Two billable production connections of one company at one known provider (often a
    /// second Connect session).
    case duplicateConnection = "duplicate_connection"
    /// An invoice line names a connection disconnected before the period while another of the
    /// company's connections is billable (the company is then `quantity_mismatch`).
    case billedDisconnected = "billed_disconnected"
    /// The disconnect time is when paybatch first found the token rejected, not Finch's.
    case disconnectTimeEstimated = "disconnect_time_estimated"
    /// Finch's Dashboard lists it as disconnected without a time: counted as not disconnected.
    case disconnectTimeUnknown = "disconnect_time_unknown"
    /// Known to Finch's Dashboard (or the invoice) but not to the roster.
    case notInRoster = "not_in_roster"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
