/// The export's totals in one line for stdout: people, statements, and gross and net pay per
/// currency (never added across currencies), with thousands separated.
extension ExportResult {
    public var totalsLine: String {
        let totals = outcomes.reduce(into: CurrencyTotals()) { $0.merge($1.totals) }
        let people = outcomes.reduce(0) { $0 + $1.individuals }
        let statements = outcomes.reduce(0) { $0 + $1.payStatements }
        var parts = [
            Wording.count(people, "person", plural: "people"), Wording.count(statements, "pay statement"),
        ]
        let byCurrency = totals.byCurrency
        if byCurrency.isEmpty {
            parts.append("no payment in the period")
        } else {
            parts.append(
                "gross pay " + byCurrency.map { Wording.money($0.gross, $0.currency) }.joined(separator: ", ")
            )
            parts.append(
                "net pay " + byCurrency.map { Wording.money($0.net, $0.currency) }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    /// "9 ok, 1 partial, 1 pending (11 connections)": a multi-entity connection counts once, as
    /// bad as its worst entity.
    public var statusLine: String {
        let statuses = ConnectionOutcome.connectionStatuses(outcomes)
        let byStatus = Dictionary(grouping: statuses, by: { $0 })
        let counts = ExportStatus.allCases.compactMap { status in
            byStatus[status].map { "\(Wording.grouped($0.count)) \(status.rawValue)" }
        }
        return counts.joined(separator: ", ") + " (\(Wording.count(statuses.count, "connection")))"
    }
}
