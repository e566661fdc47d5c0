import PropertyBased

/// Random benefit configurations and paychecks for the deduction check's properties: amounts
/// anywhere in Int64 (the edges often), rates that land on half a cent, zero and negative amounts,
/// lines near what is expected, unknown and shared types, missing amounts and gross pay.
enum BenefitCases {
    /// A person's enrollment in one benefit.
    enum Enrollment: Sendable, Equatable {
        case none, unreadable, unconfigured
        case fixed(Int64)
        case percent(Int64)
    }

    struct Benefit: Sendable {
        var type: String?
        var frequency: String?
        var tiered: Bool
    }

    /// A deduction line's amount: absent, as given, or `delta` cents from what the configuration
    /// expects (resolved by the test, so the tolerance's edges are hit often).
    enum Amount: Sendable {
        case absent
        case absolute(Int64)
        case near(Int64)
    }

    struct Line: Sendable {
        var type: String?
        var amount: Amount
    }

    struct Statement: Sendable {
        var payment: Int
        /// Index into `people`, or nil for a statement without a person.
        var person: Int?
        var type: String?
        var gross: Int64?
        var lines: [Line]
    }

    struct Case: Sendable, CustomStringConvertible {
        var benefits: [Benefit]
        /// Per benefit, per person of `people`.
        var enrollments: [[Enrollment]]
        var statements: [Statement]
        var description: String { "benefits \(benefits) enrollments \(enrollments) statements \(statements)" }
    }

    static let people = ["p0", "p1", "p2"]
    static let types: [String?] = ["401k", "s125_medical", "hsa_pre", "café", nil]
    static let edges: [Int64] = [
        0, 1, -1, 5, 50, 99, 100, 101, 10_050, 3, 199, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1,
        Int64.max / 10_000, Int64.max / 2,
    ]
    static let rateEdges: [Int64] = [
        0, 1, 50, 150, 2500, 5000, 10_000, -5000, 333, 12_345, Int64.max, Int64.min,
    ]

    static var amount: Generator<Int64, some SendableSequenceType> {
        Gen.frequency(
            (1, Gen.int64(in: Int64.min...Int64.max)), (3, Gen.int64(in: -100_000...100_000)),
            (3, Gen<Int64?>.element(of: edges).map { $0 ?? 0 }))
    }

    static var rate: Generator<Int64, some SendableSequenceType> {
        Gen.frequency(
            (1, Gen.int64(in: Int64.min...Int64.max)), (3, Gen.int64(in: -2000...20_000)),
            (3, Gen<Int64?>.element(of: rateEdges).map { $0 ?? 0 }))
    }

    static var type: Generator<String?, some SendableSequenceType> {
        Gen<String??>.element(of: types).map { $0 ?? nil }
    }

    static var benefit: Generator<Benefit, some SendableSequenceType> {
        zip(
            type,
            Gen<String??>.element(of: [
                "every_paycheck", "every_paycheck", "every_paycheck", "monthly", "one_time", nil,
            ])
            .map { $0 ?? nil },
            Gen.bool(0.2)
        ).map { Benefit(type: $0, frequency: $1, tiered: $2) }
    }

    static var enrollment: Generator<Enrollment, some SendableSequenceType> {
        zip(Gen.int(in: 0...19), amount, rate).map { pick, amount, rate -> Enrollment in
            switch pick {
            case 0...6: .none
            case 7: .unreadable
            case 8: .unconfigured
            case 9...13: .fixed(amount)
            default: .percent(rate)
            }
        }
    }

    static var line: Generator<Line, some SendableSequenceType> {
        zip(type, Gen.int(in: 0...9), amount, Gen.int64(in: -3...3)).map { type, pick, amount, delta in
            Line(type: type, amount: pick == 0 ? .absent : pick < 4 ? .absolute(amount) : .near(delta))
        }
    }

    static var statement: Generator<Statement, some SendableSequenceType> {
        zip(
            Gen.int(in: 0...3), Gen.int(in: -1...2),
            Gen<String??>.element(of: [
                "regular_payroll", "regular_payroll", "regular_payroll", "off_cycle_payroll", "regular", nil,
            ])
            .map { $0 ?? nil },
            amount.optional(valueRate: 0.9), line.array(of: 0...4)
        ).map { Statement(payment: $0, person: $1 < 0 ? nil : $1, type: $2, gross: $3, lines: $4) }
    }

    static var cases: Generator<Case, some SendableSequenceType> {
        zip(benefit.array(of: 0...5), enrollment.array(of: 3).array(of: 5), statement.array(of: 0...5)).map {
            Case(benefits: $0, enrollments: Array($1.prefix($0.count)), statements: $2)
        }
    }
}
