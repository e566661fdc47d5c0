/// What one entity of a multi-entity connection came to: the same facts a connection has, of its
/// own calls (`ConnectionReader` reads it as it reads a connection of one entity).
public struct EntityFacts: Sendable {
    public var entity: ConnectionEntity
    public var facts: ConnectionFacts
    /// Rendered from a stored run: an answer its reading needed was never stored (its fetch failed
    /// or was pending there), so it has no rows; the run's record says what became of it.
    public var unread = false
}
