import Foundation

/// The period totals that outlive `--keep-runs` (SPEC §8 "Period over period").
extension SQLiteStore {
    /// Records a finished, period-complete run's totals (replacing any the run recorded before).
    public func savePeriodTotals(
        _ records: [PeriodTotalsRecord], runID: String, period: Period, finishedAt: Date
    ) throws {
        try database.transaction {
            _ = try database.run("DELETE FROM period_totals WHERE run_id = ?", [.text(runID)])
            for record in records {
                for m in record.storedMoney {
                    _ = try database.run(
                        """
                        INSERT INTO period_totals (period, run_id, finished_at, connection_id, entity_id,
                            export_status, individuals, payments, pay_statements, currency, gross, net)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .text(period.description), .text(runID), .time(finishedAt),
                            .text(record.connectionID.rawValue), .text(record.entityID?.rawValue ?? ""),
                            .text(record.exportStatus.rawValue),
                            .integer(record.individuals), .integer(record.payments),
                            .integer(record.payStatements),
                            .text(m.currency ?? ""), m.gross.map { .integer($0.value) } ?? .null,
                            m.net.map { .integer($0.value) } ?? .null,
                        ])
                }
            }
        }
    }

    /// The totals of the period's latest recorded run, with its period; nil when none was kept.
    public func latestPeriodTotals(period: Period) throws -> (runID: String, totals: [PeriodTotalsRecord])? {
        guard
            let runID = try database.scalarText(
                "SELECT run_id FROM period_totals WHERE period = ? ORDER BY finished_at DESC, run_id DESC LIMIT 1",
                [.text(period.description)])
        else { return nil }
        let rows = try database.query(
            """
            SELECT connection_id, export_status, individuals, payments, pay_statements, currency, gross, net,
                entity_id
            FROM period_totals WHERE run_id = ? ORDER BY connection_id, entity_id, currency
            """, [.text(runID)]
        ) { row in
            PeriodTotalsRecord.StoredRow(
                connection: row.text(0) ?? "", status: row.text(1) ?? "", people: Int(row.int(2) ?? 0),
                payments: Int(row.int(3) ?? 0), statements: Int(row.int(4) ?? 0), currency: row.text(5) ?? "",
                gross: row.int64(6).map(Cents.init), net: row.int64(7).map(Cents.init),
                entity: row.text(8) ?? "")
        }
        return (runID, PeriodTotalsRecord.records(fromStored: rows))
    }
}
