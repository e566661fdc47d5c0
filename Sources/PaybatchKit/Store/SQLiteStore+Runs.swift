import Foundation

extension SQLiteStore {
    /// Records a new run (status `running`).
    public func createRun(_ run: RunRecord) throws {
        try database.run(
            "INSERT INTO runs (\(StoreColumns.run)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(run.runID), .text(run.period.description), .text(run.command), .time(run.startedAt),
                .time(run.finishedAt), .text(run.status.rawValue), .integer(run.exitCode.map(Int.init)),
                .text(run.options),
            ])
    }

    /// Records how a run ended.
    public func finishRun(_ runID: String, status: RunRecord.Status, exitCode: Int32, at time: Date) throws {
        try database.run(
            "UPDATE runs SET status = ?, exit_code = ?, finished_at = ? WHERE run_id = ?",
            [.text(status.rawValue), .integer(Int64(exitCode)), .time(time), .text(runID)])
    }

    /// Replaces the options a run recorded (a resume that changed how it asks Finch).
    public func updateRunOptions(_ runID: String, options: String) throws {
        try database.run("UPDATE runs SET options = ? WHERE run_id = ?", [.text(options), .text(runID)])
    }

    public func run(_ runID: String) throws -> RunRecord? {
        try database.query(
            "SELECT \(StoreColumns.run) FROM runs WHERE run_id = ?", [.text(runID)], row: Self.runRecord
        )
        .first
    }

    /// The most recent run of `command` for `period`, finished or not (resume looks here).
    public func latestRun(period: Period, command: String) throws -> RunRecord? {
        try runs(period: period, command: command).first
    }

    /// Runs of `command` for `period`, newest first.
    public func runs(period: Period, command: String) throws -> [RunRecord] {
        try database.query(
            """
            SELECT \(StoreColumns.run) FROM runs WHERE period = ? AND command = ?
            ORDER BY started_at DESC, rowid DESC
            """, [.text(period.description), .text(command)], row: Self.runRecord)
    }

    /// Every run, newest first (for `status`).
    public func allRuns() throws -> [RunRecord] {
        try database.query(
            "SELECT \(StoreColumns.run) FROM runs ORDER BY started_at DESC, rowid DESC", row: Self.runRecord)
    }

    /// `--keep-runs N`: deletes the stored responses of all but the latest `keep` runs of
    /// `command` for `period`; the runs themselves stay as history. Returns responses deleted.
    @discardableResult
    public func pruneResponses(period: Period, command: String, keepingLatest keep: Int) throws -> Int {
        let old = try runs(period: period, command: command).dropFirst(max(keep, 0)).map(\.runID)
        return try database.transaction {
            try old.reduce(0) { total, runID in
                total + (try database.run("DELETE FROM responses WHERE run_id = ?", [.text(runID)]))
            }
        }
    }

    private static func runRecord(_ row: SQLiteStatement) -> RunRecord {
        RunRecord(
            runID: row.text(0) ?? "", period: Period(row.text(1) ?? "") ?? .epoch,
            command: row.text(2) ?? "", startedAt: row.time(3) ?? .distantPast, finishedAt: row.time(4),
            status: RunRecord.Status(row.text(5) ?? ""),
            exitCode: row.int64(6).map { Int32(truncatingIfNeeded: $0) },
            options: row.text(7) ?? "{}")
    }
}
