import Foundation

/// Renders a run's reports from its stored answers (never from the network): each connection is
/// replayed once into the spool — as soon as its fetch ends, while the others are still fetching —
/// then the CSV files and the workbook stream out of it, then run.json, renamed last.
final class ExportRenderer {
    /// One connection to render, with what the run recorded for it (nil: nothing, `not_fetched`).
    struct Item {
        var record: ConnectionRecord
        var customerName: String
        var recorded: RunConnectionRecord?
        var dataRetrieved: UTCTimestamp?
    }

    let options: ExportOptions
    let templates: ReportTemplates
    let run: RunRecord
    /// A client whose cache replays the run; it never calls Finch.
    let replay: FinchClient
    let wallClock: any WallClock
    /// Made on the first replay, so a run that stops before any answer leaves no folder behind.
    private var output: (folder: OutputFolder, spool: RowSpool)?
    /// Each replayed connection's outcome and quality rows, by its place in the report order.
    private var replayed: [Int: (outcome: ConnectionOutcome, quality: [DataQualityRow])] = [:]

    init(
        options: ExportOptions, templates: ReportTemplates, run: RunRecord, replay: FinchClient,
        wallClock: any WallClock
    ) {
        self.options = options
        self.templates = templates
        self.run = run
        self.replay = replay
        self.wallClock = wallClock
    }

    deinit { output?.spool.remove() }

    /// Replays one connection into the spool; `index` is its place among every connection the
    /// files list (SPEC §8's order), whatever order the connections end in.
    func add(_ item: Item, at index: Int) async throws {
        var outcome = ConnectionOutcome(
            record: item.record, customerName: item.customerName, recorded: item.recorded)
        outcome.dataRetrieved = item.dataRetrieved
        var quality: [DataQualityRow] = []
        if outcome.status != .notFetched {
            let spool = try prepared().spool
            let rows = ConnectionRowsSink(
                spool: spool, index: index, record: item.record, templates: templates)
            if let data = try await replayed(item.record.connectionID, into: rows) {
                outcome.apply(data, rows: rows)
                quality = rows.qualityRows
            } else {
                for report in RowSpool.Report.allCases { try spool.remove(report, connection: index) }
            }
        }
        replayed[index] = (outcome, quality)
    }

    /// Replays the items `add` has not seen, then writes every file and run.json.
    func finish(_ items: [Item], calls: [String: Int]) async throws -> ExportResult {
        for (index, item) in items.enumerated() where replayed[index] == nil {
            try await add(item, at: index)
        }
        let outcomes = items.indices.compactMap { replayed[$0]?.outcome }
        let quality = items.indices.flatMap { replayed[$0]?.quality ?? [] }
        let (folder, spool) = try prepared()
        // The CSV files and the workbook read the spool each on its own connection, at the same
        // time: two cores write them in the time of the slower (BENCHMARKS.md).
        try spool.seal()
        let spoolPath = spool.path
        let writers = ExportFileWriters(
            options: options, templates: templates, run: run, wallClock: wallClock)
        async let csvFiles = writers.writeCSV(
            to: folder, spool: spoolPath, outcomes: outcomes, quality: quality)
        async let workbook = writers.writeWorkbook(
            to: folder, spool: spoolPath, outcomes: outcomes, quality: quality)
        var files = try await csvFiles + workbook
        let exitStatus: ExitStatus = outcomes.allSatisfy { $0.status == .ok } ? .ok : .partial
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let runJSON = RunJSON(
            run: run, finishedAt: wallClock.now(), exitStatus: exitStatus, calls: calls, outcomes: outcomes,
            files: files)
        let written = try runJSON.write(to: folder)
        try removeStaleFiles(in: folder, keeping: Set(files.map(\.path) + [written.path]))
        return ExportResult(
            runID: run.runID, exitStatus: exitStatus, folder: folder.path, files: files + [written],
            outcomes: outcomes)
    }

    /// The output folder and the spool, made when first needed.
    private func prepared() throws -> (folder: OutputFolder, spool: RowSpool) {
        if let output { return output }
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        let made = (folder: folder, spool: try RowSpool(folder: folder.path))
        output = made
        return made
    }

    /// Replays the connection's stored answers into `rows`; nil when a call it needs was never
    /// stored (the connection failed there), so it has no rows.
    private func replayed(_ id: ConnectionID, into rows: ConnectionRowsSink) async throws -> ConnectionData? {
        let fetcher = ConnectionFetcher(
            client: replay, period: options.period, includeSSN: options.includeSSN, overlapsPeopleCalls: true)
        do {
            return try await fetcher.fetch(id, token: AccessToken("replay"), into: rows)
        } catch is NotStoredFailure {
            return nil
        }
    }

    /// Files of earlier exports that this one did not write go; reconciliation files stay (SPEC §8).
    private func removeStaleFiles(in folder: OutputFolder, keeping kept: Set<String>) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names
        where !kept.contains(name) && !name.hasPrefix("reconciliation") && !name.hasPrefix(".") {
            try? FileManager.default.removeItem(atPath: folder.path + "/" + name)
        }
    }
}

/// The two halves of the files, each reading the spool on a connection of its own.
private struct ExportFileWriters: Sendable {
    let options: ExportOptions
    let templates: ReportTemplates
    let run: RunRecord
    let wallClock: any WallClock

    func writeCSV(
        to folder: OutputFolder, spool: String, outcomes: [ConnectionOutcome], quality: [DataQualityRow]
    ) throws -> [WrittenFile] {
        guard options.writeCSV else { return [] }
        return try ExportCSVTables(folder: folder, templates: templates, profile: options.csvProfile)
            .write(from: RowSpool.Reader(path: spool)) + [
                try folder.writeCSV(templates.connections, profile: options.csvProfile, rows: outcomes),
                try folder.writeCSV(templates.dataQuality, profile: options.csvProfile, rows: quality),
            ]
    }

    func writeWorkbook(
        to folder: OutputFolder, spool: String, outcomes: [ConnectionOutcome], quality: [DataQualityRow]
    ) throws -> [WrittenFile] {
        guard options.writeXLSX else { return [] }
        let properties = WorkbookProperties.export(
            period: options.period, toolVersion: PaybatchVersion.current, created: run.startedAt)
        return [
            try ExportWorkbook(templates: templates, period: options.period, run: run, wallClock: wallClock)
                .write(
                    to: folder, properties: properties, outcomes: outcomes,
                    spool: RowSpool.Reader(path: spool),
                    quality: quality)
        ]
    }
}
