/// One connection's rows for every report, normalized from its fetched data, with the data notes
/// and payment checks found on the way. Rows are sorted as SPEC §8 says.
public struct ConnectionReport: Sendable {
    public var employees: [EmployeeRow] = []
    public var payments: [PaymentRow] = []
    public var statements: [PayStatementRow] = []
    public var lines: [PayStatementLineRow] = []
    public var notes = DataNotes()
    public var findings: [PaymentCheck.Finding] = []

    public init(identity: ConnectionIdentity, data: ConnectionData) {
        notes.merge(data.notes)
        let people = EmployeeNormalizer(identity: identity).rows(
            directory: data.directory, individuals: data.individuals, employments: data.employments)
        employees = people.rows
        notes.merge(people.notes)
        let payroll = PayrollNormalizer(identity: identity)
        var checks: [PaymentCheck] = []
        for payment in data.payments {
            let id = payment.id.map(PaymentID.init)
            let status =
                id.map { Self.statementsStatus(data.statements[$0], fetched: data.statementsFetched) }
                ?? .none
            guard let row = payroll.payment(payment, statements: status, notes: &notes) else { continue }
            payments.append(row)
            guard case .ok(let wireStatements)? = data.statements[row.paymentID] else { continue }
            var check = PaymentCheck(payment: row)
            var rows: [(PayStatementRow, [PayStatementLineRow])] = []
            for statement in wireStatements {
                let normalized = payroll.statement(
                    statement, payment: row.paymentID, payDate: row.payDate, notes: &notes)
                check.add(normalized.row)
                rows.append(normalized)
            }
            // Lines keep the provider's order within a statement; statements sort by person.
            rows.sort {
                ($0.0.individualID?.rawValue ?? "").utf8.lexicographicallyPrecedes(
                    ($1.0.individualID?.rawValue ?? "").utf8)
            }
            for (statement, statementLines) in rows {
                statements.append(statement)
                lines.append(contentsOf: statementLines)
            }
            checks.append(check)
        }
        payments.sort(by: Self.paymentOrder)
        let order = Dictionary(uniqueKeysWithValues: payments.enumerated().map { ($1.paymentID, $0) })
        statements.sort { (order[$0.paymentID] ?? 0) < (order[$1.paymentID] ?? 0) }
        lines.sort { (order[$0.paymentID] ?? 0) < (order[$1.paymentID] ?? 0) }
        findings = checks.sorted { (order[$0.paymentID] ?? 0) < (order[$1.paymentID] ?? 0) }.flatMap(
            \.findings)
    }

    /// By (pay_date, payment_id); a payment without a date sorts first.
    static func paymentOrder(_ a: PaymentRow, _ b: PaymentRow) -> Bool {
        let left = a.payDate?.description ?? ""
        let right = b.payDate?.description ?? ""
        if left != right { return left < right }
        return a.paymentID < b.paymentID
    }

    static func statementsStatus(
        _ result: ItemResult<[WirePayStatement]>?, fetched: Bool
    ) -> PayStatementsStatus {
        guard fetched else { return .none }
        switch result {
        case .ok?: return .complete
        case .pending?: return .pending
        case .failed?: return .failed
        case nil: return .none
        }
    }
}
