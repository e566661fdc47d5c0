/// The deduction check worked out again from SPEC §8 "Benefit findings", issue 21 and the README's
/// rule, sharing no code with `BenefitCheck`: plain strings and integers in, findings out. Money is
/// exact here by other means: a rate's product through `multipliedFullWidth` and a long division,
/// sums in 128 bits checked after every term.
enum DeductionCheckModel {
    struct Finding: Hashable, CustomStringConvertible {
        var check: String
        var column: String
        var payment: String?
        var person: String?
        var expected: Int64?
        var actual: Int64?
        var difference: Int64?
        /// For deduction_not_judged: the reasons, as `kind` or `kind:count`.
        var reasons: Set<String> = []
        var description: String {
            "\(check) \(column) \(payment ?? "-") \(person ?? "-") e=\(expected.map(String.init) ?? "-") "
                + "a=\(actual.map(String.init) ?? "-") d=\(difference.map(String.init) ?? "-") \(reasons.sorted())"
        }
    }

    /// gross × basis points / 10,000, rounded half to even; nil past Int64.
    static func percentOf(_ gross: Int64, basisPoints: Int64) -> Int64? {
        let negative = (gross < 0) != (basisPoints < 0)
        let (high, low) = gross.magnitude.multipliedFullWidth(by: basisPoints.magnitude)
        // A quotient of 2^64 or more leaves Int64 whatever the sign.
        guard high < 10_000 else { return nil }
        var (quotient, remainder) = UInt64(10_000).dividingFullWidth((high, low))
        if remainder > 5000 || (remainder == 5000 && quotient % 2 == 1) {
            guard quotient < UInt64.max else { return nil }
            quotient += 1
        }
        if negative {
            guard quotient <= UInt64(Int64.max) + 1 else { return nil }
            return quotient == UInt64(Int64.max) + 1 ? Int64.min : -Int64(quotient)
        }
        guard quotient <= UInt64(Int64.max) else { return nil }
        return Int64(quotient)
    }

    /// The running sum, or nil when any partial sum leaves Int64 (a total that cannot be written).
    static func runningSum(_ amounts: [Int64]) -> Int64? {
        var total: Int128 = 0
        for amount in amounts {
            total += Int128(amount)
            guard total >= Int128(Int64.min), total <= Int128(Int64.max) else { return nil }
        }
        return Int64(total)
    }

    static func difference(_ actual: Int64, _ expected: Int64) -> Int64? {
        let wide = Int128(actual) - Int128(expected)
        return wide >= Int128(Int64.min) && wide <= Int128(Int64.max) ? Int64(wide) : nil
    }

    /// What a configured enrollment expects on a paycheck of `gross`; `.unknown` when it cannot say.
    enum Expectation: Equatable {
        case amount(Int64, tolerance: Int64)
        case noGross
        case outOfRange
    }

    static func expectation(_ enrollment: BenefitCases.Enrollment, gross: Int64?) -> Expectation? {
        switch enrollment {
        case .fixed(let amount): return .amount(amount, tolerance: 0)
        case .percent(let rate):
            guard let gross else { return .noGross }
            return percentOf(gross, basisPoints: rate).map { .amount($0, tolerance: 1) } ?? .outOfRange
        default: return nil
        }
    }

    /// The findings for `c` (statements' lines already resolved to amounts), and how many
    /// `amount_out_of_range` notes per column.
    static func run(
        _ c: BenefitCases.Case, amounts: [[Int64?]]
    ) -> (findings: [Finding], outOfRange: [String: Int]) {
        let ids = c.benefits.indices.map { "b\($0)" }
        var sameType: [String: Int] = [:]
        for b in c.benefits { if let t = b.type { sameType[t, default: 0] += 1 } }
        func isJudged(_ i: Int) -> Bool {
            guard let t = c.benefits[i].type else { return false }
            return sameType[t] == 1 && c.benefits[i].frequency == "every_paycheck"
        }
        let judged = c.benefits.indices.filter(isJudged)
        let judgedTypes = judged.map { c.benefits[$0].type! }
        let anyUntyped = c.benefits.contains { $0.type == nil }
        var findings: [Finding] = []
        var notes: [String: Int] = [:]
        var offCycle: [String: Int] = [:]
        for (s, statement) in c.statements.enumerated() {
            let payment = "pay\(statement.payment)"
            let lineTypes = statement.lines.compactMap(\.type)
            if statement.type != "regular_payroll" {
                for t in Set(lineTypes) where judgedTypes.contains(t) { offCycle[t, default: 0] += 1 }
                continue
            }
            guard let p = statement.person else { continue }
            let person = BenefitCases.people[p]
            let columns = Set(judgedTypes + lineTypes).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for column in columns {
                let present = statement.lines.indices.filter { statement.lines[$0].type == column }
                let values = present.compactMap { amounts[s][$0] }
                func notEnrolled() {
                    findings.append(
                        Finding(
                            check: "deduction_not_enrolled", column: column, payment: payment, person: person,
                            actual: values.isEmpty ? nil : runningSum(values)))
                }
                guard let b = judged.first(where: { c.benefits[$0].type == column }) else {
                    if !sameType.keys.contains(column), !anyUntyped { notEnrolled() }
                    continue
                }
                let enrollment = c.enrollments[b][p]
                if enrollment == .none {
                    if !present.isEmpty { notEnrolled() }
                    continue
                }
                switch expectation(enrollment, gross: statement.gross) {
                case nil, .noGross: continue
                case .outOfRange: notes[column, default: 0] += 1
                case .amount(let expected, let tolerance):
                    if present.isEmpty {
                        if expected != 0 {
                            findings.append(
                                Finding(
                                    check: "deduction_missing", column: column, payment: payment,
                                    person: person,
                                    expected: expected))
                        }
                        continue
                    }
                    if values.isEmpty { continue }
                    guard let actual = runningSum(values) else {
                        notes[column, default: 0] += 1
                        continue
                    }
                    let gap = Int128(actual) - Int128(expected)
                    if gap > Int128(tolerance) || gap < -Int128(tolerance) {
                        findings.append(
                            Finding(
                                check: "deduction_mismatch", column: column, payment: payment, person: person,
                                expected: expected, actual: actual, difference: difference(actual, expected)))
                    }
                }
            }
        }
        let order = c.benefits.indices.sorted { a, b in
            let (ta, tb) = (c.benefits[a].type ?? "", c.benefits[b].type ?? "")
            return ta != tb
                ? ta.utf8.lexicographicallyPrecedes(tb.utf8)
                : ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8)
        }
        for i in order {
            let b = c.benefits[i]
            var reasons: Set<String> = []
            if let t = b.type {
                if sameType[t]! > 1 { reasons.insert("shared:\(sameType[t]!)") }
            } else {
                reasons.insert("untyped")
            }
            if b.frequency != "every_paycheck" { reasons.insert("frequency") }
            if b.tiered { reasons.insert("tiered") }
            if isJudged(i) {
                if let n = offCycle[b.type!] { reasons.insert("offcycle:\(n)") }
                let unconfigured = c.enrollments[i].filter { $0 == .unconfigured }.count
                if unconfigured > 0 { reasons.insert("unconfigured:\(unconfigured)") }
            }
            if !reasons.isEmpty {
                findings.append(
                    Finding(check: "deduction_not_judged", column: b.type ?? "", reasons: reasons))
            }
        }
        return (findings, notes)
    }
}
