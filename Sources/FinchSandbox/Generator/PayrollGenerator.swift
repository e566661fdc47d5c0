/// Computes a connection's payroll history and pay statements from the seed.
struct PayrollGenerator: Sendable {
    let hash: SeededHash
    let connection: SandboxConnection
    let people: PersonGenerator
    let peopleCount: Int
    /// The day of the connection's last sync: nothing later exists yet.
    let cutoff: SandboxDay

    /// History reaches about two years back from the sandbox's `now`.
    var historyStart: SandboxDay { people.today - 730 }

    /// Every payment with a pay date in [from, to], in pay-date order.
    func plans(from: SandboxDay, to: SandboxDay) -> [PaymentPlan] {
        let first = max(from, historyStart)
        let last = min(to, cutoff)
        guard first <= last else { return [] }
        var result: [PaymentPlan] = []
        switch connection.schedule {
        case .biWeekly:
            // Fridays, every other week, phased per connection.
            let phase = Int(hash.number("phase", connection.connectionID) % 2)
            var day = first
            while day <= last {
                if day.weekday == 5, (day.number / 7 + phase) % 2 == 0 {
                    result.append(plan(day, start: day - 18, end: day - 5, offCycle: false))
                }
                day = day + 1
            }
        case .semiMonthly:
            var month = first.startOfMonth
            while month <= last {
                for (pay, start, end) in [
                    (month + 14, month, month + 14), (month.endOfMonth, month + 15, month.endOfMonth),
                ]
                where pay >= first && pay <= last {
                    result.append(plan(pay, start: start, end: end, offCycle: false))
                }
                month = month.endOfMonth + 1
            }
        }
        // Off-cycle bonuses: December 19th and June 30th every year.
        var month = first.startOfMonth
        while month <= last {
            let civil = month.civil
            if civil.month == 12 || civil.month == 6 {
                let pay = civil.month == 12 ? month + 18 : month.endOfMonth
                if pay >= first && pay <= last {
                    result.append(plan(pay, start: pay, end: pay, offCycle: true))
                }
            }
            month = month.endOfMonth + 1
        }
        return result.sorted { ($0.payDate, $0.id) < ($1.payDate, $1.id) }
    }

    private func plan(_ pay: SandboxDay, start: SandboxDay, end: SandboxDay, offCycle: Bool) -> PaymentPlan {
        PaymentPlan(
            id: hash.uuid("payment", connection.connectionID, pay.description, offCycle ? "off" : "regular"),
            payDate: pay, periodStart: start, periodEnd: end, offCycle: offCycle)
    }

    /// The payment with `id`, searched over the whole history.
    func plan(id: String) -> PaymentPlan? {
        plans(from: historyStart, to: cutoff).first { $0.id == id }
    }

    /// The statements of a payment, one per person paid, in person order.
    func statements(_ plan: PaymentPlan) -> [PayStatement] {
        statements(plan, at: 0..<Int.max).page
    }

    /// The statements of `plan` at positions `range` (in person order), and how many it has in all.
    /// Those outside the range are only counted: building a statement costs more than deciding that
    /// it exists, and a page is often a small part of a large payroll.
    func statements(_ plan: PaymentPlan, at range: Range<Int>) -> (page: [PayStatement], count: Int) {
        var page: [PayStatement] = []
        var count = 0
        for index in 0..<peopleCount {
            let person = people.person(index)
            guard isPaid(person, by: plan) else { continue }
            if range.contains(count) {
                page.append(StatementBuilder(connection: connection, person: person, plan: plan).build())
            }
            count += 1
        }
        return (page, count)
    }

    /// How many statements `plan` has, without building them (the benchmark's expected calls).
    func statementCount(_ plan: PaymentPlan) -> Int {
        (0..<peopleCount).lazy.map(people.person).filter { isPaid($0, by: plan) }.count
    }

    /// Whether `person` gets a statement in `plan`: employed in its period, and for an off-cycle bonus
    /// one employee in three.
    private func isPaid(_ person: Person, by plan: PaymentPlan) -> Bool {
        guard person.employed(from: plan.periodStart, to: plan.periodEnd) else { return false }
        return !(plan.offCycle && (person.isContractor || person.index % 3 != 0))
    }

    /// Finch's `Payment` JSON for a plan, with totals summed from its statements.
    func paymentJSON(_ plan: PaymentPlan) -> JSONValue {
        let statements = statements(plan)
        func money(_ cents: Int) -> JSONValue {
            .object([("amount", .int(cents)), ("currency", .string("usd"))])
        }
        let gross = statements.reduce(0) { $0 + $1.gross }
        let employerTaxes = statements.reduce(0) { $0 + $1.employerTaxes }
        let contributions = statements.reduce(0) { $0 + $1.employerContributions }
        return .object([
            ("id", .string(plan.id)), ("pay_date", .string(plan.payDate.description)),
            ("debit_date", .string((plan.payDate - 2).description)),
            (
                "pay_period",
                .object([
                    ("start_date", .string(plan.periodStart.description)),
                    ("end_date", .string(plan.periodEnd.description)),
                ])
            ),
            ("company_debit", money(gross + employerTaxes + contributions)),
            ("gross_pay", money(gross)), ("net_pay", money(statements.reduce(0) { $0 + $1.net })),
            ("employer_taxes", money(employerTaxes)),
            ("employee_taxes", money(statements.reduce(0) { $0 + $1.employeeTaxes })),
            ("individual_ids", .array(statements.map { .string($0.individualID) })),
            ("pay_frequencies", .array([.string(plan.offCycle ? "other" : connection.schedule.rawValue)])),
            ("pay_group_ids", .array([.string(hash.uuid("pay-group", connection.connectionID))])),
        ])
    }
}
