/// One connection whose fetch ended: what the fetch learned, and what the store now records.
struct FetchedConnection: Sendable {
    /// Its place in the report order.
    var index: Int
    var data: ConnectionData
    var recorded: RunConnectionRecord
}
