extension DataQualityRow {
    /// A benefit finding as data_quality.csv writes it (SPEC §8 "Benefit findings"): report
    /// `benefits`, the benefit type as the column, and a message that says what was found against
    /// the configuration of `asOf` (benefits are read live: today's configuration, not the period's).
    init(_ finding: BenefitFinding, identity: ConnectionIdentity, asOf: CalendarDate) {
        self.init(
            identity: identity, report: "benefits", column: finding.type, check: finding.check.rawValue,
            paymentID: finding.paymentID, individualID: finding.individualID,
            expected: Cell(finding.expected), actual: Cell(finding.actual),
            difference: Cell(finding.difference))
        message = Self.message(finding) + " (configuration as of \(asOf))"
    }

    private static func message(_ finding: BenefitFinding) -> String {
        let type = finding.type.isEmpty ? "a benefit without a type" : finding.type
        let configured = finding.configured.map(Self.configuration) ?? ""
        switch finding.check {
        case .mismatch:
            return "\(type): deducted \(finding.actual?.decimalString ?? "?"), \(configured) expects "
                + "\(finding.expected?.decimalString ?? "?")"
        case .missing:
            return "\(type): enrolled (\(configured)), no deduction line on this regular paycheck"
        case .notEnrolled:
            return "\(type): a deduction line, but the person is not enrolled in a \(type) benefit"
        case .notJudged:
            let benefit = finding.benefitID.map { " \($0)" } ?? ""
            return "\(type) benefit\(benefit) not judged: "
                + finding.reasons.map(\.text).joined(separator: "; ")
        }
    }

    private static func configuration(_ deduction: ConfiguredDeduction) -> String {
        switch deduction {
        case .fixed(let amount): "fixed \(amount.decimalString) a paycheck"
        case .percent(let basisPoints): "\(Cents(basisPoints).decimalString) % of gross pay"
        }
    }
}
