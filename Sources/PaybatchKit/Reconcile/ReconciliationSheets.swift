/// The reconciliation workbook's free sheets: a Summary that says in one look what to dispute
/// with Finch and what to fix in the roster, and the Inputs it was made from.
enum ReconciliationSheets {
    static func summary(_ r: Reconciliation) -> FreeSheet {
        let cur = r.currency ?? ""
        let dispute = r.companies.filter { $0.action == .dispute }
        let fix = r.companies.filter { $0.action == .fixRoster }
        let accountDiffers = r.accountTotal?.matched == false
        // The head counts exactly the companies the two lists below name, so they add up.
        let result =
            dispute.isEmpty && fix.isEmpty && !accountDiffers
            ? "Everything matched within the tolerance."
            : "\(dispute.count + fix.count) of \(r.companies.count) companies need attention: \(dispute.count) to dispute with Finch, \(fix.count) to fix in the roster (listed below)"
                + (accountDiffers ? "; the account total differs too." : ".")
        // Each block leads with a short label or key in column A and keeps long text in notes
        // that run on to the right, so one block's text never widens another block's columns.
        var rows: [FreeSheet.Row] = [
            .title("Finch billing reconciliation \(r.period)"),
            .cellsAndNote([.text("Result")], result),
            .blank,
            .header(["figure", "amount", "currency"]),
            .cells([.text("Billed total"), .money(r.billedTotal), .text(cur)]),
            .cellsAndNote(
                [.text("Expected total"), Cell(r.expectedTotal), .text(cur)],
                r.expectedTotal == nil ? "not known: no unit price" : ""),
            .cellsAndNote(
                [.text("Variance"), Cell(r.variance), .text(cur)], Self.varianceReading(r.variance, cur)),
            .cellsAndNote(
                [.text("Unit price"), Cell(r.unitPrice), .text(cur)],
                r.unitPrice == nil
                    ? "Amounts not checked: \(r.unitPriceSource)." : "from \(r.unitPriceSource)"),
            .cells([.text("Tolerance"), .money(r.tolerance), .text(cur)]),
            .blank,
            .title("By category"),
            .header(["category", "companies", "billed", "expected", "action"]),
        ]
        for category in ReconciliationCategory.allCases {
            let total = r.total(of: category)
            rows.append(
                .cellsAndNote(
                    [
                        .text(category.rawValue), .integer(Int64(total.companies)), .money(total.billed),
                        Cell(total.expected), Cell(Self.action(category)),
                    ], category.meaning))
        }
        if let account = r.accountTotal {
            rows.append(
                .cellsAndNote(
                    [
                        .text("account_total"), .empty, .money(account.billedAmount),
                        Cell(account.expectedAmount),
                        Cell(account.matched ? nil : ReconciliationAction.dispute.rawValue),
                    ],
                    "Account-level lines \(account.lines.map(String.init).joined(separator: ", ")): \(account.billedQuantity) billed against \(account.billableConnections) billable connections"
                        + (account.matched ? "; agrees." : "; differs.")))
        }
        rows += section("Dispute with Finch", dispute, cur)
        rows += section("Fix in the roster", fix, cur)
        return FreeSheet(name: "Summary", rows: rows)
    }

    /// Billed − expected in words: a sign alone is easy to misread.
    static func varianceReading(_ variance: Cents?, _ currency: String) -> String {
        guard let variance else { return "not known: no unit price" }
        let amount =
            String(variance.groupedDecimalString.drop { $0 == "-" })
            + (currency.isEmpty ? "" : " \(currency)")
        if variance.value > 0 { return "billed \(amount) more than expected" }
        if variance.value < 0 { return "billed \(amount) less than expected" }
        return "billed exactly as expected"
    }

    private static func action(_ category: ReconciliationCategory) -> String? {
        switch category {
        case .billedNotInRoster, .billedAfterDisconnect, .nonProductionBilled, .amountMismatch:
            return "dispute"
        case .inRosterNotBilled: return "fix_roster"
        case .quantityMismatch: return "dispute or fix_roster"
        case .matched: return nil
        }
    }

    private static func section(
        _ title: String, _ companies: [ReconciledCompany], _ currency: String
    ) -> [FreeSheet.Row] {
        var rows: [FreeSheet.Row] = [.blank, .title("\(title) (\(companies.count))")]
        guard !companies.isEmpty else { return rows + [.cells([.text("Nothing.")])] }
        rows.append(
            .header([
                "company_id", "customer_id", "customer", "category", "billed", "expected", "variance",
                "flags",
                "what to do",
            ]))
        for c in companies {
            rows.append(
                .cellsAndNote(
                    [
                        .text(c.companyID?.rawValue ?? c.key),
                        .text(c.customers.map(\.id.rawValue).joined(separator: ";")),
                        .text(c.customers.compactMap(\.name).joined(separator: "; ")),
                        .text(c.category.rawValue), .money(c.billedAmount), Cell(c.expectedAmount),
                        Cell(c.variance), .text(c.flags.sorted().map(\.rawValue).joined(separator: ";")),
                    ], c.message))
        }
        return rows
    }

    static func inputs(
        _ r: Reconciliation, files: [ReconcileInputFile], roster: RosterSource, toolVersion: String
    ) -> FreeSheet {
        var rows: [FreeSheet.Row] = [
            .title("Inputs of the reconciliation for \(r.period)"),
            .header(["input", "path", "bytes", "sha256"]),
        ]
        for file in files {
            rows.append(
                .cells([
                    .text(file.role), .text(file.path), .integer(Int64(file.data.count)), .text(file.sha256),
                ]))
        }
        rows.append(
            .cells([
                .text("roster"), .text(roster.path), .empty,
                .text("\(roster.connections) connections (read-only)"),
            ]))
        rows += [
            .blank, .title("Options"),
            .cells([.text("period"), .text(r.period.description)]),
            .cells([.text("unit price"), Cell(r.unitPrice), .text(r.unitPriceSource)]),
            .cells([.text("tolerance"), .money(r.tolerance)]),
            .cells([.text("paybatch"), .text(toolVersion)]),
        ]
        return FreeSheet(name: "Inputs", rows: rows)
    }
}
