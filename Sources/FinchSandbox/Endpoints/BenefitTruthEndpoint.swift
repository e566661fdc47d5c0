import Foundation

extension SandboxEngine {
    /// `GET /_sandbox/expected-benefit-findings?period=YYYY-MM`: the ground truth of the deduction
    /// check for an export of `period` with `--include benefits` — every finding it must make and
    /// no other — from what the sandbox generated and what it configured (`BenefitPlan`), so tests
    /// assert each finding and no false one. `within_one_cent` counts percentage deductions that
    /// differ from gross × rate (rounded half-even) by exactly one cent: never findings.
    public func expectedBenefitFindings(period: BillingPeriod) -> JSONValue {
        let accesses = state.with { s in
            allConnections(s).filter { $0.hasBenefits && s.disconnectedAt[$0.connectionID] == nil }
                .map { access($0, s) }
        }
        var findings: [JSONValue] = []
        var withinOneCent = 0
        for access in accesses where access.status == "connected" {
            let connection = access.connection
            let plan = BenefitPlan(hash: hash, connection: connection)
            let (people, payroll) = generators(access)
            let byID = Dictionary(
                uniqueKeysWithValues: (0..<payroll.peopleCount).map { people.person($0) }.map { ($0.id, $0) })
            func finding(
                _ check: String, _ column: String, payment: String? = nil, person: String? = nil,
                expected: Int? = nil, actual: Int? = nil
            ) -> JSONValue {
                .object([
                    ("connection_id", .string(connection.connectionID)), ("check", .string(check)),
                    ("column", .string(column)), ("payment_id", .string(payment)),
                    ("individual_id", .string(person)), ("expected", expected.map { .int($0) } ?? .null),
                    ("actual", actual.map { .int($0) } ?? .null),
                ])
            }
            let judged = plan.benefits.filter { $0.type == "401k" || $0.type == "s125_medical" }
            for payment in payroll.plans(from: period.start, to: period.end - 1) where !payment.offCycle {
                for statement in payroll.statements(payment) {
                    guard let person = byID[statement.individualID] else { continue }
                    for benefit in judged {
                        let type = benefit.type!
                        let line = statement.deductions.first { $0.type == type }?.amount
                        let configured = plan.deduction(benefit, for: person)
                        let expected = configured.map {
                            $0.type == "percent"
                                ? Self.halfEven(statement.gross * $0.amount, 10_000) : $0.amount
                        }
                        switch (expected, line) {
                        case (nil, let actual?):
                            findings.append(
                                finding(
                                    "deduction_not_enrolled", type, payment: payment.id, person: person.id,
                                    actual: actual))
                        case (let expected?, nil) where expected != 0:
                            findings.append(
                                finding(
                                    "deduction_missing", type, payment: payment.id, person: person.id,
                                    expected: expected))
                        case (let expected?, let actual?):
                            let tolerance = configured?.type == "percent" ? 1 : 0
                            if abs(actual - expected) > tolerance {
                                findings.append(
                                    finding(
                                        "deduction_mismatch", type, payment: payment.id, person: person.id,
                                        expected: expected, actual: actual))
                            } else if abs(actual - expected) == 1 {
                                withinOneCent += 1
                            }
                        default: break
                        }
                    }
                }
            }
            // Listed, not judged: the tiered 401k match, the monthly commuter benefit, the benefit
            // without a type, and the two FSA benefits of one type.
            for benefit in plan.benefits where benefit.type != "s125_medical" {
                findings.append(finding("deduction_not_judged", benefit.type ?? ""))
            }
        }
        return .object([
            ("period", .string(period.text)), ("findings", .array(findings)),
            ("within_one_cent", .int(withinOneCent)),
        ])
    }

    /// n / d rounded half to even, for d > 0 (the check's rounding of gross × rate).
    static func halfEven(_ n: Int, _ d: Int) -> Int {
        var q = n / d
        let r = n % d
        if 2 * abs(r) > d || (2 * abs(r) == d && q % 2 != 0) { q += n < 0 ? -1 : 1 }
        return q
    }
}
