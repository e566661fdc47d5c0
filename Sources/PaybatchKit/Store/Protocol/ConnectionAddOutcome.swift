/// What adding a connection to the roster did.
public enum ConnectionAddOutcome: Sendable, Equatable {
    case added
    /// This token is already stored (for this connection): nothing was written.
    case tokenAlreadyPresent(ConnectionID)
    /// The connection is stored with another token: nothing was written; the caller decides
    /// whether to `replaceToken`.
    case connectionExists(ConnectionID)
}
