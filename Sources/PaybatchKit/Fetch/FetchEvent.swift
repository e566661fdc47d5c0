/// What the fetch stage tells the render stage, as it happens. Events go on an unbounded stream,
/// not a channel with back-pressure (`AsyncChannel`): a send that waited for the render stage
/// would make the fetch wait for CPU work, and no network call may wait for rendering.
enum FetchEvent: Sendable {
    /// Connection `index` (its place in the report order) is about to make its first call.
    case started(index: Int)
    /// A connection's fetch ended; its outcome is recorded in the store.
    case finished(FetchedConnection)
}
