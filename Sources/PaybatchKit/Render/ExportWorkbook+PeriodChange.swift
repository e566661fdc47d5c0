/// The Summary's last block: each connection's change from the previous month's latest completed
/// run (SPEC §8 "Period over period"), findings called out.
extension ExportWorkbook {
    func periodChangeRows(_ connections: [RenderedConnection]) -> [FreeSheet.Row] {
        guard let baselinePeriod else {
            return [
                .blank,
                .title("Change from the previous month: no completed run of \(period.previous) is kept."),
            ]
        }
        let compared = connections.filter { !$0.changes.isEmpty }
        let findings = compared.flatMap(\.changes).filter(\.isFinding).count
        var rows: [FreeSheet.Row] = [
            .blank,
            .title(
                "Change from \(baselinePeriod) (connections ok in both months; \(findings) beyond the threshold, also on the Findings sheet)"
            ),
            .header([
                "customer_id", "connection_id", "figure", "currency", baselinePeriod.description,
                period.description, "change", "change %",
            ]),
        ]
        for connection in compared {
            let identity = connection.outcome.identity
            for change in connection.changes {
                let cells: [Cell] = [
                    Cell(identity.customerID), Cell(identity.connectionID), .text(change.figure.rawValue),
                    Cell(change.currency), change.cell(change.previous), change.cell(change.current),
                    change.cell(change.difference),
                    Cell(change.percentText),
                ]
                rows.append(
                    change.isFinding
                        ? .cellsAndNote(cells, change.sentence(previousPeriod: baselinePeriod))
                        : .cells(cells))
            }
        }
        if compared.isEmpty { rows.append(.title("No connection was ok in both months.")) }
        return rows
    }
}
