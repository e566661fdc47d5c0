import PropertyBased
import Testing

@testable import PaybatchKit

/// The deduction check against its model (`DeductionCheckModel`, written from SPEC's words apart
/// from the implementation) on thousands of generated configurations and paychecks: every finding,
/// its order and figures, every reason a benefit is not judged, and the out-of-range notes.
@Suite("Benefit check properties")
struct BenefitCheckPropertyTests {
    static let cases = 5_000

    @Test("the check's findings are the model's, in the model's order")
    func checkAgreesWithModel() async {
        await propertyCheck(count: Self.cases, input: BenefitCases.cases) { c in
            let amounts = Self.resolve(c)
            let model = DeductionCheckModel.run(c, amounts: amounts)
            let (findings, notes) = Self.check(c, amounts: amounts)
            #expect(findings == model.findings, "\(c)")
            var outOfRange: [String: Int] = [:]
            for (key, count) in notes.sorted where key.code == "amount_out_of_range" {
                outOfRange[key.column, default: 0] += count
            }
            #expect(outOfRange == model.outOfRange, "\(c)")
        }
    }

    @Test("rates on half a cent round to even, and one cent either side is not a finding")
    func halfCents() {
        // 1 × 50 % = 0.5 → 0; 3 × 50 % = 1.5 → 2; −3 × 50 % = −1.5 → −2; 10,050 × 1.5 % = 150.75 → 151.
        #expect(ConfiguredDeduction.percent(basisPoints: 5000).expected(grossPay: Cents(1)) == Cents(0))
        #expect(ConfiguredDeduction.percent(basisPoints: 5000).expected(grossPay: Cents(3)) == Cents(2))
        #expect(ConfiguredDeduction.percent(basisPoints: 5000).expected(grossPay: Cents(-3)) == Cents(-2))
        #expect(ConfiguredDeduction.percent(basisPoints: 150).expected(grossPay: Cents(10_050)) == Cents(151))
        #expect(
            ConfiguredDeduction.percent(basisPoints: Int64.max).expected(grossPay: Cents(Int64.max)) == nil)
        let check = BenefitCheck(
            benefits: [CheckedBenefit(id: "b", type: "401k", frequency: "every_paycheck")],
            enrollments: ["b": [IndividualID("p"): .enrolled(.percent(basisPoints: 150))]])
        for (amount, isFinding) in [(150, false), (151, false), (152, false), (149, true), (153, true)] {
            let statement = StatementDeductions(
                paymentID: "pay", individualID: "p", type: "regular_payroll", grossPay: Cents(10_050),
                lines: [.init(type: "401k", amount: Cents(Int64(amount)))])
            #expect(!check.findings([statement]).findings.isEmpty == isFinding, "\(amount)")
        }
    }

    /// The lines' amounts, a `near` one placed `delta` cents from what the configuration expects.
    static func resolve(_ c: BenefitCases.Case) -> [[Int64?]] {
        c.statements.map { statement in
            statement.lines.map { line -> Int64? in
                switch line.amount {
                case .absent: return nil
                case .absolute(let amount): return amount
                case .near(let delta):
                    guard let p = statement.person,
                        let b = c.benefits.indices.first(where: {
                            c.benefits[$0].type == line.type && line.type != nil
                        }),
                        case .amount(let expected, _)? = DeductionCheckModel.expectation(
                            c.enrollments[b][p], gross: statement.gross)
                    else { return delta }
                    let (sum, overflow) = expected.addingReportingOverflow(delta)
                    return overflow ? delta : sum
                }
            }
        }
    }

    /// The implementation's findings, in the model's terms.
    static func check(
        _ c: BenefitCases.Case, amounts: [[Int64?]]
    ) -> (findings: [DeductionCheckModel.Finding], notes: DataNotes) {
        var enrollments: [String: [IndividualID: PersonEnrollment]] = [:]
        let benefits = c.benefits.enumerated().map { i, b in
            var people: [IndividualID: PersonEnrollment] = [:]
            for (p, enrollment) in c.enrollments[i].enumerated() {
                let id = IndividualID(BenefitCases.people[p])
                switch enrollment {
                case .none: break
                case .unreadable: people[id] = .unreadable
                case .unconfigured: people[id] = .enrolled(nil)
                case .fixed(let amount): people[id] = .enrolled(.fixed(Cents(amount)))
                case .percent(let rate): people[id] = .enrolled(.percent(basisPoints: rate))
                }
            }
            enrollments["b\(i)"] = people
            return CheckedBenefit(
                id: "b\(i)", type: b.type, frequency: b.frequency, contributionTiered: b.tiered)
        }
        let statements = c.statements.enumerated().map { s, statement in
            StatementDeductions(
                paymentID: PaymentID("pay\(statement.payment)"),
                individualID: statement.person.map { IndividualID(BenefitCases.people[$0]) },
                type: statement.type, grossPay: statement.gross.map(Cents.init),
                lines: statement.lines.enumerated().map { l, line in
                    .init(type: line.type, amount: amounts[s][l].map(Cents.init))
                })
        }
        let (findings, notes) = BenefitCheck(benefits: benefits, enrollments: enrollments).findings(
            statements)
        return (
            findings.map { f in
                DeductionCheckModel.Finding(
                    check: f.check.rawValue, column: f.type, payment: f.paymentID?.rawValue,
                    person: f.individualID?.rawValue, expected: f.expected?.value, actual: f.actual?.value,
                    difference: f.difference?.value, reasons: Set(f.reasons.map(Self.reason)))
            }, notes
        )
    }

    static func reason(_ reason: NotJudgedReason) -> String {
        switch reason {
        case .noType: "untyped"
        case .sharedType(let count): "shared:\(count)"
        case .frequency: "frequency"
        case .tieredContribution: "tiered"
        case .offCycleStatements(let count): "offcycle:\(count)"
        case .noDeductionConfigured(let count): "unconfigured:\(count)"
        }
    }
}
