/// The benefits of a connection with the `benefits` product and who is enrolled in what, derived
/// from what its pay statements deduct (so they agree), with deliberate disagreements of each kind
/// (issue 21): a fixed amount configured off, a percentage configured off, an enrolled person with
/// no line, a line of a person not enrolled, and benefits the check must list, not judge (monthly,
/// without a type, two of one type, a tiered match). Statements are never changed: an export
/// without benefits sees the data it always did.
struct BenefitPlan: Sendable {
    /// One company benefit.
    struct Benefit: Sendable {
        let id: String
        let type: String?
        let description: String
        let frequency: String
        let tieredMatch: Bool
    }

    /// What a person's configuration says on purpose, chosen by their index.
    enum Twist: Sendable, Equatable {
        case none
        /// The medical deduction is configured 1.37 above what is deducted.
        case fixedOff
        /// The 401k percentage is configured one point above what is deducted.
        case percentOff
        /// Enrolled in medical, which the statements never deduct.
        case missing
        /// Deducted for medical, not enrolled in it.
        case notEnrolled

        init(_ person: Person) {
            switch person.index % 13 {
            case 4: self = .fixedOff
            case 12: self = .percentOff
            case 7: self = .missing
            case 9: self = .notEnrolled
            default: self = .none
            }
        }
    }

    let benefits: [Benefit]

    init(hash: SeededHash, connection: SandboxConnection) {
        func id(_ name: String) -> String { hash.uuid("benefit", connection.connectionID, name) }
        benefits = [
            Benefit(
                id: id("401k"), type: "401k", description: "401(k) Pre-Tax", frequency: "every_paycheck",
                tieredMatch: true),
            Benefit(
                id: id("medical"), type: "s125_medical", description: "Medical Pre-Tax",
                frequency: "every_paycheck", tieredMatch: false),
            Benefit(
                id: id("commuter"), type: "commuter", description: "Transit", frequency: "monthly",
                tieredMatch: false),
            Benefit(
                id: id("legacy"), type: nil, description: "Legacy deduction", frequency: "every_paycheck",
                tieredMatch: false),
            Benefit(
                id: id("fsa-health"), type: "fsa_medical", description: "Health FSA",
                frequency: "every_paycheck", tieredMatch: false),
            Benefit(
                id: id("fsa-limited"), type: "fsa_medical", description: "Limited Purpose FSA",
                frequency: "every_paycheck", tieredMatch: false),
        ]
    }

    /// The 401k rate the statements deduct, in basis points (`StatementBuilder`: gross × max(p, 3) / 100).
    static func deductedRetirementBasisPoints(_ person: Person) -> Int {
        max(person.retirementPercent, 3) * 100
    }

    /// The medical amount the statements deduct when gross pay allows it (`StatementBuilder`).
    static func deductedMedicalCents(_ person: Person) -> Int { max(person.medicalCents, 5000) }

    /// A person's employee deduction for `benefit`: (type, amount), or nil when not enrolled.
    func deduction(_ benefit: Benefit, for person: Person) -> (type: String, amount: Int)? {
        let twist = Twist(person)
        switch benefit.type {
        case "401k":
            guard person.retirementPercent > 0 else { return nil }
            let points = Self.deductedRetirementBasisPoints(person) + (twist == .percentOff ? 100 : 0)
            return ("percent", points)
        case "s125_medical":
            if person.medicalCents > 0 {
                guard twist != .notEnrolled else { return nil }
                return ("fixed", Self.deductedMedicalCents(person) + (twist == .fixedOff ? 137 : 0))
            }
            return twist == .missing ? ("fixed", 4200) : nil
        case "commuter": return person.index % 5 == 0 ? ("fixed", 12_000) : nil
        case "fsa_medical" where benefit.description == "Health FSA":
            return person.index % 7 == 3 ? ("fixed", 5000) : nil
        default: return nil
        }
    }
}
