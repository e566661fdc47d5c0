import Foundation

/// Renders a run's reports from its stored answers (never from the network): each connection is
/// replayed once into the spool, then the CSV files and the workbook stream out of it, then
/// run.json, renamed last.
struct ExportRenderer {
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

    func render(_ items: [Item], calls: [String: Int]) async throws -> ExportResult {
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        let spool = try RowSpool(folder: folder.path)
        defer { spool.remove() }
        var outcomes: [ConnectionOutcome] = []
        var quality: [DataQualityRow] = []
        for (index, item) in items.enumerated() {
            var outcome = ConnectionOutcome(
                record: item.record, customerName: item.customerName, recorded: item.recorded)
            outcome.dataRetrieved = item.dataRetrieved
            if outcome.status != .notFetched {
                let rows = ConnectionRowsSink(
                    spool: spool, index: index, record: item.record, templates: templates)
                if let data = try await replayed(item.record.connectionID, into: rows) {
                    outcome.apply(data, rows: rows)
                    quality += rows.qualityRows
                } else {
                    for report in RowSpool.Report.allCases { try spool.remove(report, connection: index) }
                }
            }
            outcomes.append(outcome)
        }
        // The CSV files and the workbook read the spool each on its own connection, at the same
        // time: two cores write them in the time of the slower (BENCHMARKS.md).
        try spool.seal()
        let spoolPath = spool.path
        async let csvFiles = writeCSV(to: folder, spool: spoolPath, outcomes: outcomes, quality: quality)
        async let workbook = writeWorkbook(to: folder, spool: spoolPath, outcomes: outcomes, quality: quality)
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

    private func writeCSV(
        to folder: OutputFolder, spool: String, outcomes: [ConnectionOutcome], quality: [DataQualityRow]
    ) throws -> [WrittenFile] {
        guard options.writeCSV else { return [] }
        return try ExportCSVTables(folder: folder, templates: templates, profile: options.csvProfile)
            .write(from: RowSpool.Reader(path: spool)) + [
                try folder.writeCSV(templates.connections, profile: options.csvProfile, rows: outcomes),
                try folder.writeCSV(templates.dataQuality, profile: options.csvProfile, rows: quality),
            ]
    }

    private func writeWorkbook(
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
