/// Normalizes one connection's data into the spool as the fetcher replays it from the store,
/// keeping only running figures: counts, totals, null profiles, payment checks and data notes.
/// A payment's statements are held by no one: each page is normalized and spooled as it comes.
final class ConnectionNormalizer: ConnectionRowSink {
    private let spool: ReportSpool
    private let index: Int
    private let record: ConnectionRecord
    private let customerName: String?
    /// What the connection's outcome and the data quality report take from its rows so far.
    private(set) var summary: RowSummary
    private var notes = DataNotes()
    private var sequence = 0
    private var employeeProfile: NullProfile<EmployeesField>
    private var paymentProfile: NullProfile<PaymentsField>
    private let statementTemplate: ReportTemplate<PayStatementsField>
    /// Per payment until the fetch says whether its statements completed.
    private var paymentRows: [PaymentID: (row: PaymentRow, group: Int)] = [:]
    private var statementProfiles: [PaymentID: NullProfile<PayStatementsField>] = [:]
    private var checks: [PaymentID: PaymentCheck] = [:]
    /// `--include benefits`: the day the benefits were read, and each payment's statements as the
    /// deduction check needs them (nil: benefits not included, nothing kept).
    private let benefitsAsOf: CalendarDate?
    private var deductions: [PaymentID: [StatementDeductions]] = [:]
    /// Its place among its connection's entities (1, 2…); 0 for the connection's own normalizer.
    private let entityPlace: Int
    private let templates: ReportTemplates
    /// A multi-entity connection's entities, each normalized by a normalizer of its own (issue 21).
    private(set) var entities: [ConnectionNormalizer] = []

    init(
        spool: ReportSpool, index: Int, record: ConnectionRecord, customerName: String?,
        templates: ReportTemplates, benefitsAsOf: CalendarDate? = nil, entityPlace: Int = 0
    ) {
        self.benefitsAsOf = benefitsAsOf
        self.entityPlace = entityPlace
        self.templates = templates
        self.spool = spool
        self.index = index
        self.record = record
        self.customerName = customerName
        summary = RowSummary(
            identity: ConnectionIdentity(record: record, customerName: customerName, introspection: nil))
        employeeProfile = NullProfile(templates.employees)
        paymentProfile = NullProfile(templates.payments)
        statementTemplate = templates.payStatements
    }

    func begin(_ introspection: Introspection) throws {
        summary.identity = ConnectionIdentity(
            record: record, customerName: customerName, introspection: introspection)
    }

    private var identity: ConnectionIdentity { summary.identity }

    /// The connection's rows are its entities' from here on, each under its own identity.
    func entity(_ entity: ConnectionEntity) throws -> any ConnectionRowSink {
        let rows = ConnectionNormalizer(
            spool: spool, index: index, record: record, customerName: customerName, templates: templates,
            benefitsAsOf: benefitsAsOf, entityPlace: entities.count + 1)
        rows.summary.identity = identity
        rows.summary.identity.entityID = entity.id
        rows.summary.identity.entityName = entity.name
        entities.append(rows)
        return rows
    }

    /// The rows' summaries as the reports list them: the connection's, or each of its entities'.
    var units: [RowSummary] { entities.isEmpty ? [summary] : entities.map(\.summary) }

    func people(
        _ entries: [DirectoryEntry], individuals: [IndividualID: ItemResult<WireIndividual>],
        employments: [IndividualID: ItemResult<WireEmployment>]
    ) throws {
        let people = EmployeeNormalizer(identity: identity).rows(
            directory: entries, individuals: individuals, employments: employments)
        notes.merge(people.notes)
        for row in people.rows {
            try spool.append(key: key(group: 0, person: row.individualID.rawValue), row: row)
            employeeProfile.add(row)
            summary.individuals += 1
        }
    }

    func payments(_ payments: [WirePayment]) throws {
        let payroll = PayrollNormalizer(identity: identity)
        let rows = payments.compactMap { payroll.payment($0, statements: .none, notes: &notes) }
        for (offset, row) in rows.sorted(by: Self.paymentOrder).enumerated() {
            paymentRows[row.paymentID] = (row, offset + 1)
            checks[row.paymentID] = PaymentCheck(payment: row)
            statementProfiles[row.paymentID] = NullProfile(statementTemplate)
        }
    }

    /// Normalizing and encoding, the larger half of a statement's work, done by the pageNormalizer.
    func pageNormalizer(for payment: PaymentID) -> @Sendable ([WirePayStatement]) -> NormalizedPage {
        let (payroll, known, payDate, keepsDeductions) = (
            PayrollNormalizer(identity: identity), paymentRows[payment] != nil,
            paymentRows[payment]?.row.payDate, benefitsAsOf != nil
        )
        return { statements in
            var page = NormalizedPage(payment: payment)
            guard known else { return page }
            for statement in statements {
                let normalized = payroll.statement(
                    statement, payment: payment, payDate: payDate, notes: &page.notes)
                page.statements.append(
                    NormalizedPage.Statement(
                        row: normalized.row, cells: ReportSpool.encode(normalized.row),
                        lines: normalized.lines.map(ReportSpool.encode),
                        deductions: keepsDeductions
                            ? normalized.lines.filter { $0.category == .employeeDeduction }.map {
                                StatementDeductions.Line(type: $0.type, amount: $0.amount)
                            } : []))
            }
            return page
        }
    }

    func statements(_ page: NormalizedPage) throws {
        guard let group = paymentRows[page.payment]?.group else { return }
        notes.merge(page.notes)
        for statement in page.statements {
            let person = statement.row.individualID?.rawValue ?? ""
            try spool.append(
                PayStatementsField.self, key: key(group: group, person: person), cells: statement.cells)
            for line in statement.lines {
                try spool.append(
                    PayStatementLinesField.self, key: key(group: group, person: person), cells: line)
            }
            checks[page.payment]?.add(statement.row)
            statementProfiles[page.payment]?.add(statement.row)
            if benefitsAsOf != nil {
                deductions[page.payment, default: []].append(
                    StatementDeductions(
                        paymentID: page.payment, individualID: statement.row.individualID,
                        type: statement.row.type, grossPay: statement.row.grossPay,
                        lines: statement.deductions))
            }
        }
    }

    func finish(_ data: ConnectionFacts) throws {
        var statementProfile = NullProfile(statementTemplate)
        var findings: [PaymentCheck.Finding] = []
        var checkedStatements: [StatementDeductions] = []
        for (id, entry) in paymentRows.sorted(by: { $0.value.group < $1.value.group }) {
            var row = entry.row
            row.payStatementsStatus = data.statementResults[id] ?? .none
            if row.payStatementsStatus == .complete, let profile = statementProfiles[id],
                let check = checks[id]
            {
                statementProfile.merge(profile)
                findings += check.findings
                // In the reports' order: by payment (this loop's), then by person.
                checkedStatements += (deductions[id] ?? []).sorted {
                    ($0.individualID?.rawValue ?? "") < ($1.individualID?.rawValue ?? "")
                }
                notes.merge(check.notes)
            } else {
                // Statements of a payment that did not complete are not reported (SPEC §8).
                try spool.remove(
                    PayStatementsField.self, connection: index, entity: entityPlace, payment: entry.group)
                try spool.remove(
                    PayStatementLinesField.self, connection: index, entity: entityPlace, payment: entry.group)
            }
            try spool.append(key: key(group: entry.group, person: ""), row: row)
            paymentProfile.add(row)
            summary.payments += 1
            summary.totals.add(currency: row.currency, gross: row.grossPay, net: row.netPay)
        }
        for total in summary.totals.byCurrency {
            if total.grossOutOfRange {
                notes.add("amount_out_of_range", report: "summary", column: "gross_pay")
            }
            if total.netOutOfRange { notes.add("amount_out_of_range", report: "summary", column: "net_pay") }
        }
        summary.payStatements = statementProfile.rows
        notes.merge(data.notes)
        let benefitRows = benefitsAsOf.map {
            checkBenefits(data.benefits, statements: checkedStatements, asOf: $0)
        }
        summary.qualityRows =
            employeeProfile.qualityRows(for: identity) + paymentProfile.qualityRows(for: identity)
            + statementProfile.qualityRows(for: identity)
            + findings.map {
                DataQualityRow(
                    identity: identity, report: "payments",
                    column: $0.column, check: "payment_vs_statements", paymentID: $0.paymentID,
                    expected: Cell($0.expected), actual: Cell($0.actual), difference: Cell($0.difference))
            }
            + (benefitRows ?? [])
            + notes.sorted.map { key, count in
                DataQualityRow(
                    identity: identity, report: key.report,
                    column: key.column, check: key.code, actual: .integer(Int64(count)))
            }
    }

    /// The benefit reports' rows and the deduction check's findings (SPEC §8 "Benefit findings"),
    /// placed after the payment checks and before the data notes, the check's own notes merged.
    private func checkBenefits(
        _ read: ConnectionBenefits?, statements: [StatementDeductions], asOf: CalendarDate
    ) -> [DataQualityRow] {
        guard let read else { return [] }
        (summary.benefits, summary.enrollments) = BenefitNormalizer(identity: identity, asOf: asOf).rows(read)
        let (findings, checkNotes) = BenefitNormalizer.check(read).findings(statements)
        notes.merge(checkNotes)
        summary.benefitFindings = findings.count
        return findings.map { DataQualityRow($0, identity: identity, asOf: asOf) }
    }

    /// Drops every row spooled so far (of its entity, for an entity's normalizer): the stored
    /// answers are to be read instead, or there are none.
    func discard() throws {
        try spool.remove(connection: index, entity: entityPlace == 0 ? nil : entityPlace)
    }

    private func key(group: Int, person: String) -> ReportSpool.Key {
        sequence += 1
        return ReportSpool.Key(
            connection: index, entity: entityPlace, payment: group, person: person, sequence: sequence)
    }

    /// By (pay_date, payment_id); a payment without a date sorts first.
    static func paymentOrder(_ a: PaymentRow, _ b: PaymentRow) -> Bool {
        let left = a.payDate?.description ?? ""
        let right = b.payDate?.description ?? ""
        if left != right { return left < right }
        return a.paymentID < b.paymentID
    }
}
