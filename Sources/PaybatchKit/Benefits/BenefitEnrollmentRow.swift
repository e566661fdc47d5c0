/// One row of benefit_enrollments.csv: a person's configuration of one benefit, as read on
/// `configuredAsOf`.
public struct BenefitEnrollmentRow: Sendable, Equatable, ReportRow {
    public var identity: ConnectionIdentity
    public var benefitID: String
    public var type: String?
    public var individualID: IndividualID?
    /// `fixed` or `percent`, as configured.
    public var employeeDeductionType: String?
    /// A fixed amount as money, a percentage as its exact decimal text (`5.50`), else empty.
    public var employeeDeduction: Cell = .empty
    public var companyContributionType: String?
    public var companyContribution: Cell = .empty
    public var annualMaximum: Cents?
    public var catchUp: Bool?
    public var configuredAsOf: CalendarDate

    public func cell(_ field: BenefitEnrollmentsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .benefitID: .text(benefitID)
        case .type: Cell(type)
        case .individualID: Cell(individualID)
        case .employeeDeductionType: Cell(employeeDeductionType)
        case .employeeDeduction: employeeDeduction
        case .companyContributionType: Cell(companyContributionType)
        case .companyContribution: companyContribution
        case .annualMaximum: Cell(annualMaximum)
        case .catchUp: Cell(catchUp)
        case .configuredAsOf: .date(configuredAsOf)
        }
    }
}
