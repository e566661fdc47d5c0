/// A connection a worker holds in a shared run until its lease ends (issue 22).
public struct ConnectionClaim: Sendable, Equatable {
    public var connection: ConnectionID
    /// How many times the connection was claimed, this claim included: above 1, a worker before
    /// this one held it and its stored answers are there to resume from.
    public var attempt: Int
    /// The worker that held it before, when its lease ran out without the connection done.
    public var previousWorker: WorkerID?

    public init(connection: ConnectionID, attempt: Int, previousWorker: WorkerID?) {
        (self.connection, self.attempt, self.previousWorker) = (connection, attempt, previousWorker)
    }
}
