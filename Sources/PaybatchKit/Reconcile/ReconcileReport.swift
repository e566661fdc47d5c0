/// What `paybatch reconcile` prints when it is done: the outcome in a few lines, pointing at the
/// workbook's Summary for the detail.
public enum ReconcileReport {
    public static func lines(_ outcome: ReconcileJob.Outcome) -> [String] {
        let r = outcome.reconciliation
        func amount(_ cents: Cents?) -> String { Wording.money(cents, r.currency) }
        let matched = r.companies.filter { $0.category == .matched }.count
        let attention = r.companies.filter { $0.action != .none }.count
        var lines = [
            "Reconciled \(r.period): \(Wording.count(r.companies.count, "company", plural: "companies")), \(matched) matched, \(attention) need attention.",
            "  billed \(amount(r.billedTotal)), expected \(amount(r.expectedTotal)); "
                + ReconciliationSheets.varianceReading(r.variance, r.currency ?? "")
                + (r.unitPrice == nil ? " (amounts not checked: no unit price)" : ""),
        ]
        for category in ReconciliationCategory.allCases where category != .matched {
            let total = r.total(of: category)
            if total.companies > 0 { lines.append("  \(category.rawValue): \(total.companies)") }
        }
        if let account = r.accountTotal, !account.matched {
            lines.append(
                "  account_total: \(account.billedQuantity) billed, \(account.billableConnections) billable")
        }
        let dispute = r.companies.filter { $0.action == .dispute }.count
        let fix = r.companies.filter { $0.action == .fixRoster }.count
        lines.append(
            "  dispute with Finch: \(Wording.count(dispute, "company", plural: "companies")); fix in the roster: \(fix) (see the Summary sheet)"
        )
        lines.append("Wrote \(outcome.folder)/: " + outcome.files.map(\.path).joined(separator: ", "))
        return lines
    }
}
