/// How far one failure reaches.
public enum FailureScope: String, Sendable, Codable, Comparable {
    /// One item of a batch (a person, a payment).
    case item
    /// One call; retried or recorded, the connection goes on.
    case request
    /// One connection: its export stops, the others go on.
    case connection
    /// The whole run stops with `FailureClass.runExitStatus`.
    case run

    public static func < (lhs: FailureScope, rhs: FailureScope) -> Bool {
        let order: [FailureScope] = [.item, .request, .connection, .run]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
