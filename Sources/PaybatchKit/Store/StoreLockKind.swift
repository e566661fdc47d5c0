/// Which lock a command holds on the store for its whole run (SPEC §7, issue 22). On SQLite both
/// kinds are the one flock `StoreLock` (one writer at a time); on PostgreSQL they are an advisory
/// lock's shared and exclusive modes (`PostgresStoreLock`), so the workers of one export share.
public enum StoreLockKind: Sendable, Equatable {
    /// Read-only commands (`status`, `roster list`, `doctor`, `reconcile`…) take none.
    case none
    /// An export: other exports may hold it too, no command that rewrites the store.
    case shared
    /// The commands that rewrite the store (`keys rotate`, `roster import`…): alone.
    case exclusive
}
