import Foundation

/// What an export of one connection for one period should find (before any sync is advanced).
public struct ExpectedExportTotals: Sendable, Equatable {
    public var individuals = 0
    public var payments = 0
    public var payStatements = 0
    /// Non-null earning, tax, deduction and contribution lines.
    public var lines = 0
    public var grossCents = 0
    public var netCents = 0
    /// Payments whose statements answer item 202 at first.
    public var pendingPayments = 0
}

extension SandboxWorld {
    /// The SPEC §5 category of every company on the invoice or in the roster for `period`, by company_id,
    /// applying SPEC §8's precedence to the invoice this world writes.
    public func expectedCategories(period text: String) -> [String: String] {
        guard let period = BillingPeriod(text), let lines = invoiceLines(period: text) else { return [:] }
        let byCompany = Dictionary(grouping: connections, by: \.companyID)
        var result: [String: String] = [:]
        for companyID in Set(byCompany.keys).union(lines.map(\.companyID)) {
            let billed = lines.filter { $0.companyID == companyID }
            let quantity = billed.reduce(0) { $0 + $1.quantity }
            let amount = billed.reduce(0) { $0 + $1.amountCents }
            guard let group = byCompany[companyID] else {
                result[companyID] = "billed_not_in_roster"
                continue
            }
            let billable = group.filter {
                $0.isBillable(periodStart: period.start.date, periodEnd: period.end.date)
            }
            let allGone = group.allSatisfy { ($0.disconnectedAt ?? .distantFuture) < period.start.date }
            if !billed.isEmpty, allGone {
                result[companyID] = "billed_after_disconnect"
            } else if !billed.isEmpty, group.contains(where: { $0.clientType != "production" }) {
                result[companyID] = "non_production_billed"
            } else if billed.isEmpty, !billable.isEmpty {
                result[companyID] = "in_roster_not_billed"
            } else if quantity != billable.count {
                result[companyID] = "quantity_mismatch"
            } else if abs(amount - quantity * SandboxWorld.unitPriceCents) > 1 {
                result[companyID] = "amount_mismatch"
            } else {
                result[companyID] = "matched"
            }
        }
        return result
    }

    /// Export totals of a connection for `period` as generated (no advanced sync, no dynamic
    /// connections): a multi-entity connection's, summed over the entities an export reads.
    public func expectedTotals(connectionID: String, period text: String) -> ExpectedExportTotals? {
        guard let connection = connection(id: connectionID), BillingPeriod(text) != nil else { return nil }
        return exportedViews(of: connection).reduce(into: ExpectedExportTotals()) { sum, view in
            let one = expectedTotals(of: view, period: text)!
            sum.individuals += one.individuals
            sum.payments += one.payments
            sum.payStatements += one.payStatements
            sum.lines += one.lines
            sum.grossCents += one.grossCents
            sum.netCents += one.netCents
            sum.pendingPayments += one.pendingPayments
        }
    }

    /// Export totals of one entity of a multi-entity connection for `period`, as generated.
    public func expectedTotals(
        connectionID: String, entityID: String, period text: String
    ) -> ExpectedExportTotals? {
        guard let connection = connection(id: connectionID),
            let entity = entities(of: connection).first(where: { $0.id == entityID })
        else { return nil }
        return expectedTotals(of: view(of: connection, entity: entity), period: text)
    }

    private func expectedTotals(
        of connection: SandboxConnection, period text: String
    ) -> ExpectedExportTotals? {
        guard let period = BillingPeriod(text) else { return nil }
        let today = SandboxDay(now)
        let people = PersonGenerator(hash: hash, connection: connection, today: today)
        let payroll = PayrollGenerator(
            hash: hash, connection: connection, people: people, peopleCount: connection.people,
            cutoff: SandboxDay(connection.baseLastSync))
        var totals = ExpectedExportTotals(individuals: connection.people)
        let recent = (today.startOfMonth - 1).startOfMonth
        for plan in payroll.plans(from: period.start, to: period.end - 1) {
            totals.payments += 1
            if connection.profile.statementsSyncLazily, plan.payDate >= recent { totals.pendingPayments += 1 }
            for statement in payroll.statements(plan) {
                totals.payStatements += 1
                totals.lines += statement.lineCount
                totals.grossCents += statement.gross
                totals.netCents += statement.net
            }
        }
        return totals
    }

    /// How many benefits a connection has and how many enrollments they list in all (as generated,
    /// no advanced sync); zeros for a connection without the `benefits` product.
    public func expectedBenefits(connectionID: String) -> (benefits: Int, enrollments: Int) {
        guard let connection = connection(id: connectionID), connection.hasBenefits else { return (0, 0) }
        let plan = BenefitPlan(hash: hash, connection: connection)
        let people = PersonGenerator(hash: hash, connection: connection, today: SandboxDay(now))
        let enrollments = plan.benefits.reduce(0) { total, benefit in
            total
                + (0..<connection.people).filter { plan.deduction(benefit, for: people.person($0)) != nil }
                .count
        }
        return (plan.benefits.count, enrollments)
    }
}
