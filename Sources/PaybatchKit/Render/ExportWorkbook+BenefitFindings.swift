/// The Summary's benefit block (`--include benefits`): each connection's benefit findings counted
/// by check, so an analyst sees where deductions disagree with the configuration before opening
/// the Findings sheet.
extension ExportWorkbook {
    func benefitFindingRows(_ connections: [RenderedConnection]) -> [FreeSheet.Row] {
        let checks = BenefitFinding.Check.allCases
        var rows: [FreeSheet.Row] = [
            .blank,
            .title(
                "Benefit deductions checked against the configuration read on \(ExportRenderer.day(of: run.startedAt)?.description ?? "") (on the Findings sheet)"
            ),
            .header(
                ["customer_id", "customer_name", "connection_id", "benefits read"] + checks.map(\.rawValue)),
        ]
        for connection in connections {
            let outcome = connection.outcome
            var cells: [Cell] = [
                Cell(outcome.identity.customerID), .text(outcome.customerName),
                Cell(outcome.identity.connectionID),
            ]
            guard connection.benefitFindings != nil else {
                rows.append(.cells(cells + [.text("no")]))
                continue
            }
            let findings = connection.quality.filter { $0.report == "benefits" && $0.isFinding }
            cells.append(.text("yes"))
            for check in checks {
                cells.append(.integer(Int64(findings.filter { $0.check == check.rawValue }.count)))
            }
            rows.append(.cells(cells))
        }
        return rows
    }
}
