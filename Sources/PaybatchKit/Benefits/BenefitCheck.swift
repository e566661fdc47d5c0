/// The check nobody else makes (issue 21): each regular paycheck's employee deductions compared
/// with the benefits the person is enrolled in, as configured today. Pure: values in, findings out.
///
/// The rule, per `regular_payroll` statement with a person, for every type T that is either a
/// judged benefit's type or the type of one of the statement's deduction lines (bytewise order):
/// - T is a *judged* benefit's type (the only benefit of T, deducted `every_paycheck`):
///   not enrolled and a line → `deduction_not_enrolled`; enrolled with a configured deduction →
///   no line while something is expected → `deduction_missing`; lines whose amounts sum to more
///   than the tolerance away from the expected amount → `deduction_mismatch` (a fixed amount to
///   the cent; a percentage of gross pay, rounded half-even, within one cent).
/// - T is another benefit's type (not judged): nothing.
/// - No benefit has T: `deduction_not_enrolled`, unless some benefit has no type (the line may be
///   that benefit's).
/// Lines without an amount are left out of a sum; a type whose lines have none, a percentage
/// without gross pay, and an unreadable enrollment are not judged; a sum or an expected amount past
/// the 64-bit range is an `amount_out_of_range` note instead. Then one `deduction_not_judged` per
/// benefit that has reasons (`NotJudgedReason`), by (type, benefit id).
public struct BenefitCheck: Sendable {
    public let benefits: [CheckedBenefit]
    /// Per benefit id, per person.
    public let enrollments: [String: [IndividualID: PersonEnrollment]]

    public init(benefits: [CheckedBenefit], enrollments: [String: [IndividualID: PersonEnrollment]]) {
        self.benefits = benefits
        self.enrollments = enrollments
    }

    /// The findings for `statements` (in report order), and the notes the arithmetic made.
    public func findings(
        _ statements: [StatementDeductions]
    ) -> (findings: [BenefitFinding], notes: DataNotes) {
        var notes = DataNotes()
        var findings: [BenefitFinding] = []
        let judged = judgedBenefits
        let typed = Set(benefits.compactMap(\.type))
        let someUntyped = benefits.contains { $0.type == nil }
        var offCycle: [String: Int] = [:]
        for statement in statements {
            guard statement.isRegular else {
                for type in Set(statement.lines.compactMap(\.type)) where judged[type] != nil {
                    offCycle[type, default: 0] += 1
                }
                continue
            }
            guard let person = statement.individualID else { continue }
            let types = Set(judged.keys).union(statement.lines.compactMap(\.type)).sorted(by: Self.bytewise)
            for type in types {
                let lines = statement.lines.filter { $0.type == type }
                if let benefit = judged[type] {
                    if let finding = judge(
                        benefit, lines: lines, statement: statement, person: person, notes: &notes)
                    {
                        findings.append(finding)
                    }
                } else if !typed.contains(type), !someUntyped {
                    findings.append(notEnrolled(type, lines: lines, statement: statement, person: person))
                }
            }
        }
        return (findings + notJudged(offCycle: offCycle), notes)
    }

    /// SPEC §8: sorting is bytewise on UTF-8.
    static func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// The benefits the check judges, by type.
    var judgedBenefits: [String: CheckedBenefit] {
        var byType: [String: [CheckedBenefit]] = [:]
        for benefit in benefits { if let type = benefit.type { byType[type, default: []].append(benefit) } }
        return byType.compactMapValues { list in
            list.count == 1 && list[0].frequency == "every_paycheck" ? list[0] : nil
        }
    }

    private func judge(
        _ benefit: CheckedBenefit, lines: [StatementDeductions.Line], statement: StatementDeductions,
        person: IndividualID, notes: inout DataNotes
    ) -> BenefitFinding? {
        let type = benefit.type ?? ""
        switch enrollments[benefit.id]?[person] {
        case nil:
            return lines.isEmpty ? nil : notEnrolled(type, lines: lines, statement: statement, person: person)
        case .unreadable, .enrolled(nil): return nil
        case .enrolled(let configured?):
            guard let expected = configured.expected(grossPay: statement.grossPay) else {
                if statement.grossPay != nil {
                    notes.add("amount_out_of_range", report: "benefits", column: type)
                }
                return nil
            }
            if lines.isEmpty {
                guard expected != .zero else { return nil }
                return BenefitFinding(
                    check: .missing, type: type, paymentID: statement.paymentID, individualID: person,
                    expected: expected, configured: configured)
            }
            let amounts = lines.compactMap(\.amount)
            guard !amounts.isEmpty else { return nil }
            guard let actual = Cents.sum(amounts) else {
                notes.add("amount_out_of_range", report: "benefits", column: type)
                return nil
            }
            guard actual.differs(from: expected, beyond: configured.tolerance) else { return nil }
            return BenefitFinding(
                check: .mismatch, type: type, paymentID: statement.paymentID, individualID: person,
                expected: expected, actual: actual, configured: configured)
        }
    }

    private func notEnrolled(
        _ type: String, lines: [StatementDeductions.Line], statement: StatementDeductions,
        person: IndividualID
    ) -> BenefitFinding {
        let amounts = lines.compactMap(\.amount)
        return BenefitFinding(
            check: .notEnrolled, type: type, paymentID: statement.paymentID, individualID: person,
            actual: amounts.isEmpty ? nil : Cents.sum(amounts))
    }

    /// One finding per benefit the check cannot judge (wholly or in part), saying why.
    private func notJudged(offCycle: [String: Int]) -> [BenefitFinding] {
        var perType: [String: Int] = [:]
        for benefit in benefits { if let type = benefit.type { perType[type, default: 0] += 1 } }
        let judged = judgedBenefits
        var rows: [BenefitFinding] = []
        let ordered = benefits.sorted {
            ($0.type ?? "") != ($1.type ?? "")
                ? Self.bytewise($0.type ?? "", $1.type ?? "") : Self.bytewise($0.id, $1.id)
        }
        for benefit in ordered {
            var reasons: [NotJudgedReason] = []
            if let type = benefit.type {
                if let count = perType[type], count > 1 { reasons.append(.sharedType(count: count)) }
            } else {
                reasons.append(.noType)
            }
            if benefit.frequency != "every_paycheck" { reasons.append(.frequency(benefit.frequency)) }
            if benefit.contributionTiered { reasons.append(.tieredContribution) }
            if let type = benefit.type, judged[type] != nil {
                if let count = offCycle[type], count > 0 { reasons.append(.offCycleStatements(count: count)) }
                let unconfigured = (enrollments[benefit.id] ?? [:]).values.filter { $0 == .enrolled(nil) }
                    .count
                if unconfigured > 0 { reasons.append(.noDeductionConfigured(count: unconfigured)) }
            }
            guard !reasons.isEmpty else { continue }
            var row = BenefitFinding(check: .notJudged, type: benefit.type ?? "")
            row.reasons = reasons
            row.benefitID = benefit.id
            rows.append(row)
        }
        return rows
    }
}
