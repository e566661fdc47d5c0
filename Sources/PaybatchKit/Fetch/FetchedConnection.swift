/// One connection whose fetch ended: what the fetch learned, and what the store now records.
struct FetchedConnection: Sendable {
    /// Its place in the report order.
    var index: Int
    var id: ConnectionID
    var data: ConnectionFacts
    var recorded: RunConnectionRecord
    /// Its rows' summaries (one, or one per entity) when its fetch normalized them whole into the
    /// spool; nil when its stored answers are to be read instead (reused, or stopped early).
    var rows: [RowSummary]?
}
