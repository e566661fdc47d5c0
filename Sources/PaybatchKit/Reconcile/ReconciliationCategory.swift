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
