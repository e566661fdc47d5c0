/// What a worker waiting for its run's publication learns.
public enum PublicationWait: Sendable, Equatable {
    /// The run was published with this code: the worker exits with it.
    case published(ExitStatus)
    /// The renderer's lease ran out before it published (it died), and this worker was elected
    /// in its place: it renders and publishes.
    case renderHere
}
