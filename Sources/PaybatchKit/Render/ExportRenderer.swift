import Foundation

/// Renders a run's reports into the spool, connection by connection, then streams the CSV files
/// and the workbook out of it, then run.json, renamed last. A connection fetched whole by this
/// invocation brings its rows along (a `ConnectionNormalizer` normalized them into the spool while
/// it was fetched); any other — reused, resumed past, `--only`, `--offline`, or stopped by a
/// failure — is read from the run's stored answers (`StoredRunReader`), never from the network.
/// Both give the same rows: the same code reads the same answers (`ConnectionReader`).
final class ExportRenderer {
    /// One connection to render, with what the run recorded for it (nil: nothing, `not_fetched`).
    struct Item {
        var record: ConnectionRecord
        var customerName: String
        var recorded: RunConnectionRecord?
        var dataRetrieved: UTCTimestamp?
        /// The `Finch-Request-Id` of its last answered call (SPEC §4 `last_request_id`).
        var lastRequestID: RequestID?
    }

    let options: ExportOptions
    let templates: ReportTemplates
    let run: RunRecord
    /// Reads a connection's stored answers of the run.
    let reader: StoredRunReader
    let wallClock: any WallClock
    /// The previous month's totals (SPEC §8 "Period over period"); nil when none was kept.
    let baseline: [PeriodTotalsRecord]?
    /// Opened on the first row, so a run that stops before any data leaves no folder behind.
    let spool: ReportSpool
    private let files: ExportFiles
    /// Each connection's outcomes and quality rows so far (one per entity of a multi-entity
    /// connection), by its place in the report order.
    private var rendered: [Int: [RenderedConnection]] = [:]

    init(
        options: ExportOptions, templates: ReportTemplates, run: RunRecord, reader: StoredRunReader,
        wallClock: any WallClock, baseline: [PeriodTotalsRecord]? = nil
    ) {
        self.options = options
        self.templates = templates
        self.run = run
        self.reader = reader
        self.wallClock = wallClock
        self.baseline = baseline
        spool = ReportSpool(folder: options.periodFolder, mode: options.outputMode)
        files = ExportFiles(
            options: options, templates: templates, run: run, wallClock: wallClock,
            baselinePeriod: baseline == nil ? nil : options.period.previous)
    }

    /// Records connection `index` (its place among every connection the files list, SPEC §8's
    /// order, whatever order the connections end in): from `live` rows when its fetch brought them
    /// (with the fetch's `data`), else by reading its stored answers into the spool.
    func add(
        _ item: Item, at index: Int, live: (data: ConnectionFacts, rows: [RowSummary])? = nil
    ) async throws {
        var outcome = ConnectionOutcome(
            record: item.record, customerName: item.customerName, recorded: item.recorded)
        outcome.dataRetrieved = item.dataRetrieved
        outcome.lastRequestID = item.lastRequestID ?? outcome.lastRequestID
        var read = live
        if read == nil, outcome.status != .notFetched {
            let rows = ConnectionNormalizer(
                spool: spool, index: index, record: item.record, customerName: item.customerName,
                templates: templates, benefitsAsOf: try await benefitsAsOf(item.record.connectionID))
            // Nil: an answer it needs was never stored (its fetch failed there), so it has no rows.
            if let data = try await reader.read(item.record.connectionID, into: rows) {
                read = (data, rows.units)
            } else {
                try spool.remove(connection: index)
            }
        }
        rendered[index] = ConnectionOutcome.units(
            of: outcome, recorded: item.recorded, data: read?.data, rows: read?.rows
        ).map { unit in
            // Its change from last month, known now that its totals are: the findings go to the
            // end of its data-quality rows, every figure to the Summary.
            let changes =
                baseline.map {
                    PeriodComparison(thresholdBasisPoints: options.changeThresholdBasisPoints)
                        .changes(current: [PeriodTotalsRecord(unit.outcome)], previous: $0)
                } ?? []
            return RenderedConnection(
                index: index, outcome: unit.outcome,
                quality: (unit.rows?.qualityRows ?? [])
                    + changes.filter(\.isFinding).map { DataQualityRow($0, identity: unit.outcome.identity) },
                changes: changes, benefits: unit.rows?.benefits ?? [],
                enrollments: unit.rows?.enrollments ?? [],
                benefitFindings: unit.rows?.benefitFindings)
        }
    }

    /// `--include benefits`: the day the run's benefit answers were read — the run's first day,
    /// since a resumed run reads the answers it stored then (benefits are read live: today's
    /// configuration, not the period's).
    var benefitsAsOf: CalendarDate? {
        options.includeBenefits ? Self.day(of: run.startedAt) : nil
    }

    /// The day a connection's stored benefits were read: an answer copied from an earlier run (a
    /// reused connection) keeps the day it was stored, which is the configuration's day.
    private func benefitsAsOf(_ connection: ConnectionID) async throws -> CalendarDate? {
        guard options.includeBenefits else { return nil }
        let stored = try await reader.store.storedAnswers(
            runID: run.runID, connection: connection, endpoint: .benefits)
        return stored.first.flatMap { Self.day(of: $0.createdAt) } ?? benefitsAsOf
    }

    /// The UTC day of `instant`.
    static func day(of instant: Date) -> CalendarDate? {
        CalendarDate(String(UTCTimestamp(instant).description.prefix(10)))
    }

    /// Writes the rows of the connections at the head of the report order that `add` has seen
    /// (while the others are still fetched: the cores are idle then, waiting on the rate limits).
    func writeReady() throws {
        while let next = rendered[files.written] { try files.writeNext(next, from: spool) }
    }

    /// Reads the items `add` has not seen, then writes every file and run.json.
    func finish(_ items: [Item], tally: CallTally) async throws -> ExportResult {
        for (index, item) in items.enumerated() where rendered[index] == nil {
            try await add(item, at: index)
        }
        let connections = items.indices.flatMap { rendered[$0] ?? [] }
        let outcomes = connections.map(\.outcome)
        try spool.seal()
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        let sealed = try await self.files.finish(spoolPath: spool.path, connections: connections)
        let exitStatus = ConnectionOutcome.exitStatus(of: outcomes)
        let files = try ExportPublisher(folder: folder).publish(sealed) { files in
            RunJSON(
                run: run, finishedAt: wallClock.now(), exitStatus: exitStatus, tally: tally,
                outcomes: outcomes,
                files: files, refreshJobs: options.refreshJobs)
        }
        return ExportResult(
            runID: run.runID, exitStatus: exitStatus, folder: folder.path, files: files, outcomes: outcomes,
            tally: tally)
    }
}
