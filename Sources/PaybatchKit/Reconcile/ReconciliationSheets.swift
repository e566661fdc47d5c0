/// The reconciliation workbook's free sheets: a Summary that says in one look what to dispute
/// with Finch and what to fix in the roster, and the Inputs it was made from.
enum ReconciliationSheets {
    static func summary(_ r: Reconciliation) -> FreeSheet {
        let needing = r.companies.filter { $0.category != .matched }.count
        let cur = r.currency ?? ""
        var rows: [FreeSheet.Row] = [
            .title("Finch billing reconciliation \(r.period)"),
            .cells([
                .text("Result"),
                .text(
                    r.allMatched
                        ? "Everything matched within the tolerance."
                        : "\(needing) of \(r.companies.count) companies need attention\(r.accountTotal?.matched == false ? ", and the account total differs" : "")."
                ),
            ]),
            outline("Dispute with Finch", r.companies.filter { $0.action == .dispute }, cur),
            outline("Fix in the roster", r.companies.filter { $0.action == .fixRoster }, cur),
            .cells([.text("Billed total"), .money(r.billedTotal), .text(cur)]),
            .cells([
                .text("Expected total"), Cell(r.expectedTotal),
                .text(r.expectedTotal == nil ? "not known: no unit price" : cur),
            ]),
            .cells([.text("Variance (billed − expected)"), Cell(r.variance), .text(cur)]),
            .cells([
                .text("Unit price"), Cell(r.unitPrice),
                .text(
                    r.unitPrice == nil
                        ? "Amounts not checked: \(r.unitPriceSource)." : "from \(r.unitPriceSource)"),
            ]),
            .cells([.text("Tolerance"), .money(r.tolerance), .text(cur)]),
            .blank,
            .title("By category"),
            .header(["category", "companies", "billed", "expected", "action", "meaning"]),
        ]
        for category in ReconciliationCategory.allCases {
            let total = r.total(of: category)
            rows.append(
                .cells([
                    .text(category.rawValue), .integer(Int64(total.companies)), .money(total.billed),
                    Cell(total.expected),
                    Cell(Self.action(category)), .text(category.meaning),
                ]))
        }
        if let account = r.accountTotal {
            rows.append(
                .cells([
                    .text("account_total"), .empty, .money(account.billedAmount),
                    Cell(account.expectedAmount),
                    Cell(account.matched ? nil : ReconciliationAction.dispute.rawValue),
                    .text(
                        "Account-level lines \(account.lines.map(String.init).joined(separator: ", ")): \(account.billedQuantity) billed against \(account.billableConnections) billable connections"
                            + (account.matched ? "; agrees." : "; differs.")),
                ]))
        }
        rows += section("Dispute with Finch", r.companies.filter { $0.action == .dispute })
        rows += section("Fix in the roster", r.companies.filter { $0.action == .fixRoster })
        return FreeSheet(name: "Summary", rows: rows)
    }

    /// One line of the Summary's head: how many companies, and the variance they add up to.
    private static func outline(
        _ title: String, _ companies: [ReconciledCompany], _ currency: String
    ) -> FreeSheet.Row {
        let variances = companies.map(\.variance)
        let variance = variances.contains(nil) ? nil : Cents.sum(variances.compactMap { $0 })
        let detail = variance.map { "companies; variance \($0.decimalString) \(currency)" } ?? "companies"
        return .cells([.text(title), .integer(Int64(companies.count)), .text(detail + " (listed below)")])
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

    private static func section(_ title: String, _ companies: [ReconciledCompany]) -> [FreeSheet.Row] {
        var rows: [FreeSheet.Row] = [.blank, .title("\(title) (\(companies.count))")]
        guard !companies.isEmpty else { return rows + [.cells([.text("Nothing.")])] }
        rows.append(
            .header([
                "company_id", "category", "flags", "billed", "expected", "variance", "connections",
                "what to do",
            ]))
        for c in companies {
            rows.append(
                .cells([
                    .text(c.companyID?.rawValue ?? c.key), .text(c.category.rawValue),
                    .text(c.flags.sorted().map(\.rawValue).joined(separator: ";")), .money(c.billedAmount),
                    Cell(c.expectedAmount), Cell(c.variance),
                    .text(c.connectionIDs.map(\.rawValue).joined(separator: ";")),
                    .text(c.message),
                ]))
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
