import Foundation

/// The publish stage's end in the store, once the files are in place: the run is marked finished
/// with its exit code, its totals are kept for next month's comparison, and the period's stored
/// answers beyond the runs kept are pruned.
struct RunCompletion {
    let store: RunStore
    let period: Period
    /// How many of the period's runs keep their answers (`keep_runs`).
    let keepRuns: Int

    func record(_ result: ExportResult, of run: RunRecord, at finishedAt: Date) async throws {
        try await store.finishRun(
            run.runID, status: result.exitStatus == .ok ? .complete : .partial,
            exitCode: result.exitStatus.rawValue, at: finishedAt)
        // Next month compares with this run, unless it was made before this month ended (SPEC §8).
        if run.periodComplete {
            try await store.savePeriodTotals(
                result.outcomes.map(PeriodTotalsRecord.init), runID: run.runID, period: period,
                finishedAt: finishedAt)
        }
        _ = try await store.pruneResponses(period: period, keepingLatest: keepRuns)
    }
}
