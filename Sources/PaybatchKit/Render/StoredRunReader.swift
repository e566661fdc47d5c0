/// Renders a connection from a run's stored answers, read straight from the store: no client, no
/// token, no request rebuilt. It reads them as the fetch did (`ConnectionReader`), so a connection
/// gives the rows and the data its fetch gave — whether it was reused, left out by `--only`,
/// rendered `--offline`, or stopped early.
struct StoredRunReader: Sendable {
    let store: RunStore
    let runID: String
    let period: Period
    /// The sizes the run's calls were made with (`StoredAnswers`).
    let limits: FinchBatchLimits
    /// `--include benefits`: the benefit answers are read too, where the run stored them.
    var includeBenefits = false

    /// What the connection's stored answers make of it, its rows handed to `sink` as they are read;
    /// nil when an answer it needs was never stored (a call failed or answered 202 there): it has
    /// no rows then, and whatever reached the sink is to be dropped.
    func read(_ id: ConnectionID, into sink: any ConnectionRowSink) async throws -> ConnectionFacts? {
        let answers = StoredAnswers(store: store, runID: runID, connection: id, limits: limits)
        do {
            return try await ConnectionReader(
                answers: answers, period: period, includeBenefits: includeBenefits
            ).read(
                into: sink)
        } catch is StoredAnswers.NotStored {
            return nil
        }
    }
}
