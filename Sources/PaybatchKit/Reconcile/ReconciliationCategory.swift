/// The one category each company gets (SPEC §5). Cases are in SPEC §8's precedence order: when
/// several apply, the first wins.
public enum ReconciliationCategory: String, CaseIterable, Sendable, Codable {
    case billedNotInRoster = "billed_not_in_roster"
    case billedAfterDisconnect = "billed_after_disconnect"
    case nonProductionBilled = "non_production_billed"
    case inRosterNotBilled = "in_roster_not_billed"
    case quantityMismatch = "quantity_mismatch"
    case amountMismatch = "amount_mismatch"
    case matched

    /// One line for the Summary: what the category means.
    public var meaning: String {
        switch self {
        case .billedNotInRoster: return "On the invoice, unknown to the roster."
        case .billedAfterDisconnect:
            return "Billed, but every connection was disconnected before the period began."
        case .nonProductionBilled: return "Billed for a sandbox or development connection."
        case .inRosterNotBilled: return "Live production connection in the period, not on the invoice."
        case .quantityMismatch: return "Billed quantity differs from the roster's billable connections."
        case .amountMismatch: return "Amount differs from quantity × unit price by more than the tolerance."
        case .matched: return "Billed quantity and amount agree with the roster."
        }
    }
}

/// What a row asks of the reader: the Summary's "dispute with Finch" and "fix in the roster".
public enum ReconciliationAction: String, Sendable, Codable {
    /// Finch billed what it should not have: raise it with Finch.
    case dispute
    /// The roster is out of date or holds something to act on (reauth, a duplicate to disconnect).
    case fixRoster = "fix_roster"
    case none = ""
}

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
