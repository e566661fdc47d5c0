import Foundation

/// Renders a run's reports from its stored answers (never from the network): the CSV files in one
/// pass over the connections, then the workbook sheet by sheet, then run.json, renamed last.
struct ExportRenderer {
    let options: ExportOptions
    let templates: ReportTemplates
    let run: RunRecord
    /// A client whose cache replays the run; it never calls Finch.
    let replay: FinchClient
    let wallClock: any WallClock

    func render(_ outcomes: [ConnectionOutcome], calls: [String: Int]) async throws -> ExportResult {
        var outcomes = outcomes
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        // Every connection's rows are normalized once; the CSV files and the workbook share them.
        var reports: [ConnectionReport?] = []
        var quality: [DataQualityRow] = []
        for index in outcomes.indices {
            let report = try await report(for: outcomes[index])
            if let report {
                outcomes[index].count(report)
                quality += DataQualityRow.rows(
                    for: outcomes[index].identity, report: report, templates: templates)
            }
            reports.append(report)
        }
        var files: [WrittenFile] = []
        if options.writeCSV {
            let tables = try ExportCSVTables(
                folder: folder, templates: templates, profile: options.csvProfile)
            for case let report? in reports { try tables.append(report) }
            files += try tables.finish()
            files.append(
                try folder.writeCSV(templates.connections, profile: options.csvProfile, rows: outcomes))
            files.append(
                try folder.writeCSV(templates.dataQuality, profile: options.csvProfile, rows: quality))
        }
        if options.writeXLSX {
            let properties = WorkbookProperties.export(
                period: options.period, toolVersion: PaybatchVersion.current, created: run.startedAt)
            files.append(
                try ExportWorkbook(
                    templates: templates, period: options.period, run: run, wallClock: wallClock
                ).write(
                    to: folder, properties: properties, outcomes: outcomes, reports: reports, quality: quality
                ))
        }
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

    /// The connection's rows, replayed from the store; nil when nothing usable was stored.
    func report(for outcome: ConnectionOutcome) async throws -> ConnectionReport? {
        guard outcome.status != .notFetched else { return nil }
        let fetcher = ConnectionFetcher(
            client: replay, period: options.period, includeSSN: options.includeSSN)
        do {
            let data = try await fetcher.fetch(outcome.record.connectionID, token: AccessToken("replay"))
            return ConnectionReport(identity: outcome.identity, data: data)
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
