/// How far a shared run is: how many of its connections are done, and held under a live lease.
public struct RunProgress: Sendable, Equatable {
    /// Whether the run's connections were recorded yet; before, nothing is done or to do.
    public var seeded: Bool
    public var total: Int
    public var done: Int
    public var leased: Int

    public init(seeded: Bool, total: Int, done: Int, leased: Int) {
        (self.seeded, self.total, self.done, self.leased) = (seeded, total, done, leased)
    }

    /// Every connection done: the run can be rendered.
    public var isComplete: Bool { seeded && done == total }
}
