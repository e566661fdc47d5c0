import Foundation

extension SandboxEngine {
    /// `GET /employer/payment`: a bare array filtered on `pay_date`, both bounds inclusive.
    func payments(_ request: SandboxRequest, _ access: ConnectionAccess) -> SandboxResponse {
        guard let startText = request.queryValue("start_date"), let endText = request.queryValue("end_date")
        else {
            return FinchError.invalidRequest("start_date and end_date are required")
        }
        guard let start = SandboxDay(parsing: startText), let end = SandboxDay(parsing: endText) else {
            return FinchError.badRequest("start_date and end_date must be YYYY-MM-DD")
        }
        let (_, payroll) = generators(access)
        return .json(200, .array(payroll.plans(from: start, to: end).map(payroll.paymentJSON)))
    }

    /// `POST /employer/pay-statement`: at most 10 payment ids, each paged (default 100, at most 5000).
    func payStatements(_ request: SandboxRequest, _ access: ConnectionAccess) -> SandboxResponse {
        guard let body = JSONReader.object(request.body), let items = body["requests"] as? [[String: Any]]
        else {
            return FinchError.badRequest("requests is required")
        }
        guard items.count <= 10 else { return FinchError.badRequest("Maximum 10 payment_ids per request") }
        var pages: [StatementPage] = []
        for item in items {
            let limit = (item["limit"] as? NSNumber)?.intValue ?? 100
            let offset = (item["offset"] as? NSNumber)?.intValue ?? 0
            guard limit >= 0, limit <= 5000, offset >= 0 else {
                return FinchError.badRequest("limit must be between 0 and 5000 and offset not negative")
            }
            pages.append(StatementPage(id: item["payment_id"] as? String ?? "", limit: limit, offset: offset))
        }
        let (_, payroll) = generators(access)
        let history = payroll.plans(from: payroll.historyStart, to: payroll.cutoff)
        // Written, not built as a tree: an answer can hold 50,000 statements.
        return .json(200) { w in
            w.object { w in
                w.array("responses") { w in
                    for page in pages {
                        writeItem(page, plan: history.first { $0.id == page.id }, payroll, access, to: &w)
                    }
                }
            }
        }
    }

    /// One requested page of a payment's statements.
    private struct StatementPage {
        let id: String
        let limit: Int
        let offset: Int
    }

    /// One item of the batch: the page, or an item error for an unknown or still syncing payment.
    private func writeItem(
        _ page: StatementPage, plan: PaymentPlan?, _ payroll: PayrollGenerator, _ access: ConnectionAccess,
        to w: inout JSONWriter
    ) {
        guard let plan else {
            return w.value(
                .object([
                    ("payment_id", .string(page.id)), ("code", .int(404)),
                    (
                        "body",
                        FinchError.item(404, "not_found_error", "payment_not_found", "Payment not found")
                    ),
                ]))
        }
        let recent = (today.startOfMonth - 1).startOfMonth
        if access.connection.profile.statementsSyncLazily, plan.payDate >= recent, !paymentReady(plan.id) {
            return w.value(
                .object([
                    ("payment_id", .string(page.id)), ("code", .int(202)),
                    ("body", FinchError.dataSyncInProgress),
                ]))
        }
        let (statements, count) = payroll.statements(plan, at: page.offset..<page.offset + page.limit)
        w.object { w in
            w.field("payment_id", page.id)
            w.field("code", 200)
            w.object("body") { w in
                w.field("paging", .object([("count", .int(count)), ("offset", .int(page.offset))]))
                w.array("pay_statements") { w in
                    for statement in statements { statement.write(to: &w) }
                }
            }
        }
    }

    /// Counts one request for a syncing payment; ready once `--sync-after` requests came (0 = never).
    private func paymentReady(_ id: String) -> Bool {
        state.with { s in
            let seen = s.paymentRequests[id, default: 0]
            s.paymentRequests[id] = seen + 1
            return options.syncAfter > 0 && seen >= options.syncAfter
        }
    }
}
