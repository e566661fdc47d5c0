/// One row of benefits.csv: a benefit of a connection as the provider has it configured.
public struct BenefitRow: Sendable, Equatable, ReportRow {
    public var identity: ConnectionIdentity
    public var benefit: WireCompanyBenefit

    public func cell(_ field: BenefitsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .connectionID: Cell(identity.connectionID)
        case .entityID, .entityName: .empty
        case .benefitID: Cell(benefit.benefitID)
        case .type: Cell(benefit.type?.rawValue)
        case .description: Cell(benefit.description)
        case .frequency: Cell(benefit.frequency)
        case .companyContribution: Cell(benefit.companyContribution.map(Self.describe))
        }
    }

    /// A contribution in words, exact: `match: 100.00 % up to 3.00 %; 50.00 % up to 5.00 %`,
    /// `fixed 25.00`, `percent 4.00 %` (tiers and percentages are basis points, API.md §6.1).
    static func describe(_ amount: WireBenefitAmount) -> String {
        let kind = amount.type ?? "unknown"
        let tiers = amount.tiers?.present ?? []
        if !tiers.isEmpty {
            let text = tiers.map { tier in
                "\(BenefitEnrollmentRow.percentText(tier.match?.cents)) % up to "
                    + "\(BenefitEnrollmentRow.percentText(tier.threshold?.cents)) %"
            }
            return "\(kind): " + text.joined(separator: "; ")
        }
        guard let value = amount.amount?.cents else { return kind }
        return kind == "percent" ? "percent \(value.decimalString) %" : "\(kind) \(value.decimalString)"
    }
}
