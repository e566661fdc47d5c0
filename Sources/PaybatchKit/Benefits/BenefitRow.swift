/// One row of benefits.csv: a benefit of a connection as the provider has it configured.
public struct BenefitRow: Sendable, Equatable, ReportRow {
    public var identity: ConnectionIdentity
    public var benefitID: String?
    public var type: String?
    public var description: String?
    public var frequency: String?
    /// The employer's contribution in words (`BenefitNormalizer`): its kind, amount or tiers.
    public var companyContribution: String?

    public func cell(_ field: BenefitsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .benefitID: Cell(benefitID)
        case .type: Cell(type)
        case .description: Cell(description)
        case .frequency: Cell(frequency)
        case .companyContribution: Cell(companyContribution)
        }
    }
}
