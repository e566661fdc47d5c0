/// What a row asks of the reader: the Summary's "dispute with Finch" and "fix in the roster".
public enum ReconciliationAction: String, Sendable, Codable {
    /// Finch billed what it should not have: raise it with Finch.
    case dispute
    /// The roster is out of date or holds something to act on (reauth, a duplicate to disconnect).
    case fixRoster = "fix_roster"
    case none = ""
}
