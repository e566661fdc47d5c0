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
        var pages: [(id: String, limit: Int, offset: Int)] = []
        for item in items {
            let limit = (item["limit"] as? NSNumber)?.intValue ?? 100
            let offset = (item["offset"] as? NSNumber)?.intValue ?? 0
            guard limit >= 0, limit <= 5000, offset >= 0 else {
                return FinchError.badRequest("limit must be between 0 and 5000 and offset not negative")
            }
            pages.append((item["payment_id"] as? String ?? "", limit, offset))
        }
        let (_, payroll) = generators(access)
        let history = payroll.plans(from: payroll.historyStart, to: payroll.cutoff)
        let recent = (today.startOfMonth - 1).startOfMonth
        let responses: [JSONValue] = pages.map { page in
            guard let plan = history.first(where: { $0.id == page.id }) else {
                return .object([
                    ("payment_id", .string(page.id)), ("code", .int(404)),
                    (
                        "body",
                        FinchError.item(404, "not_found_error", "payment_not_found", "Payment not found")
                    ),
                ])
            }
            if access.connection.profile.statementsSyncLazily, plan.payDate >= recent, !paymentReady(plan.id)
            {
                return .object([
                    ("payment_id", .string(page.id)), ("code", .int(202)),
                    ("body", FinchError.dataSyncInProgress),
                ])
            }
            let all = payroll.statements(plan)
            let slice = all[min(page.offset, all.count)..<min(page.offset + page.limit, all.count)]
            return .object([
                ("payment_id", .string(page.id)), ("code", .int(200)),
                (
                    "body",
                    .object([
                        ("paging", .object([("count", .int(all.count)), ("offset", .int(page.offset))])),
                        ("pay_statements", .array(slice.map(\.json))),
                    ])
                ),
            ])
        }
        return .json(200, .object([("responses", .array(responses))]))
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
