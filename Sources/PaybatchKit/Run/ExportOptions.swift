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
    public var keepRuns = 2
    /// How many connections are fetched at once; the shared limiter paces them all.
    public var concurrency = 8

    public init(period: Period, outputRoot: String, outputMode: OutputMode = .owner) {
        self.period = period
        self.outputRoot = outputRoot
        self.outputMode = outputMode
    }

    /// `out/2026-10`.
    public var periodFolder: String { outputRoot + "/" + period.description }
}
