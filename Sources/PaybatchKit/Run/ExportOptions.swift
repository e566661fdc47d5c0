import Foundation

/// What `paybatch export` was asked to do.
public struct ExportOptions: Sendable {
    public var period: Period
    /// The folder that holds the period folders (`--out`, `PAYBATCH_OUT`).
    public var outputRoot: String
    public var outputMode: OutputMode
    public var writeCSV = true
    public var writeXLSX = true
    /// Customer or connection ids to fetch; empty fetches every live connection.
    public var only: [String] = []
    public var fresh = false
    /// Render the period's latest stored run again without the network (`--offline`).
    public var offline = false
    public var csvProfile: CSVProfile = .excel
    public var templatesFolder: String?
    public var includeSSN = false
    /// `--include benefits`: benefits, enrollments and the deduction check (issue 21).
    public var includeBenefits = false
    /// The batch and page sizes the run's calls are made with (`--directory-page-size`); its
    /// stored answers are read back by the same (`StoredAnswers`).
    public var limits = FinchBatchLimits()
    /// The shape of the run's requests: its stored answers are read by it, and a resume or a
    /// reuse serves only from answers of the same shape (SPEC §8's re-runs).
    public var requestShape: RequestShape { RequestShape(limits: limits, includeSSN: includeSSN) }
    public var keepRuns = 2
    /// Export a month that has not ended yet (`--allow-open-period`); such a run is marked and
    /// never reused (SPEC §2).
    public var allowOpenPeriod = false
    /// `--change-threshold` in hundredths of a percent: a change from the previous month strictly
    /// beyond it is a `period_change` finding (SPEC §8; default 30 %).
    public var changeThresholdBasisPoints: Int64 = 3000
    /// How many connections are fetched at once; the shared limiter paces them all. Enough that
    /// every bucket has callers waiting from the start (with 8, the pay-statement bucket idled while
    /// connections were still at their directory), few enough that memory stays small: a connection
    /// in flight holds one response at a time.
    public var concurrency = 48
    /// Connections whose forced refresh (`--refresh-first`) was still running when the export
    /// began, with the job's id: their data is being replaced, so they are exported `pending`
    /// without a call, and the next export fetches them.
    public var syncing: [ConnectionID: String] = [:]
    /// `--refresh-first`: the refreshes asked before fetching, as they ended (run.json lists them).
    public var refreshJobs: [RefreshJobRecord] = []

    public init(period: Period, outputRoot: String, outputMode: OutputMode = .owner) {
        self.period = period
        self.outputRoot = outputRoot
        self.outputMode = outputMode
    }

    /// `out/2026-10`.
    public var periodFolder: String { outputRoot + "/" + period.description }

    /// SPEC §2: a month still in progress would pass for a complete one (every connection `ok`,
    /// its last payments simply not made yet), so it is a usage error (64) unless asked for.
    public func requireEndedPeriod(now: Date) throws {
        guard !allowOpenPeriod, !period.hasEnded(at: now) else { return }
        throw RunStop(
            .usage,
            "\(period) has not ended (it ends \(UTCTimestamp(period.endInstant)); now is \(UTCTimestamp(now))): "
                + "its payments are not all made yet.",
            remedy:
                "Export a past month, or pass --allow-open-period to export the month so far (marked \"month in progress\", never reused)."
        )
    }
}
