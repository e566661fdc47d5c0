/// How a worker's `paybatch export --period P` met the period's shared run (issue 22).
public enum RunJoin: Sendable, Equatable {
    /// No run of the period was going: this worker's proposed run is the period's run now, and
    /// its parameters are the run's.
    case started(runID: String)
    /// A run was going with the same parameters: this worker helps it.
    case joined(runID: String)
    /// A run was going with other parameters: the worker exits 64 naming them (`usageStop`).
    case parametersDiffer(runID: String, names: [String])
    /// The period's run was published less than `--join-window` ago: the worker exits with its
    /// code and does nothing.
    case recentlyPublished(runID: String, exitStatus: ExitStatus)

    /// The stop a worker whose parameters differ exits with.
    public static func usageStop(period: Period, runID: String, names: [String]) -> RunStop {
        RunStop(
            .usage,
            "The export of \(period) under way (run \(runID)) was started with other \(names.joined(separator: ", ")).",
            remedy:
                "Start every worker of a run with the same \(names.joined(separator: ", ")), or wait for the run to end."
        )
    }
}
