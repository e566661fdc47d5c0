/// What asking for the next connection of a shared run gave.
public enum ClaimOutcome: Sendable, Equatable {
    /// This worker holds the connection now.
    case claimed(ConnectionClaim)
    /// None is free: the rest are held by live leases (or not seeded yet). One may come back if
    /// its worker dies, so ask again after a while — `retryAfter`, the soonest lease end or a beat.
    case waiting(retryAfter: Duration)
    /// Every connection is done.
    case allDone
}
