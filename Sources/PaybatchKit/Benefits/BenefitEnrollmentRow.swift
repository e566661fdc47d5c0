/// One row of benefit_enrollments.csv: a person's configuration of one benefit, as read on
/// `configuredAsOf`.
public struct BenefitEnrollmentRow: Sendable, Equatable, ReportRow {
    public var identity: ConnectionIdentity
    public var benefitID: String
    public var type: String?
    public var enrollment: WireBenefitEnrollment
    public var configuredAsOf: CalendarDate

    public func cell(_ field: BenefitEnrollmentsField) -> Cell {
        let body = enrollment.body
        switch field {
        case .customerID: return Cell(identity.customerID)
        case .customerName: return Cell(identity.customerName)
        case .connectionID: return Cell(identity.connectionID)
        case .entityID, .entityName: return .empty
        case .benefitID: return .text(benefitID)
        case .type: return Cell(type)
        case .individualID: return Cell(enrollment.individualID)
        case .employeeDeductionType: return Cell(body?.employeeDeduction?.type)
        case .employeeDeduction: return Self.amountCell(body?.employeeDeduction)
        case .companyContributionType: return Cell(body?.companyContribution?.type)
        case .companyContribution: return Self.amountCell(body?.companyContribution)
        case .annualMaximum: return Cell(body?.annualMaximum?.cents)
        case .catchUp: return Cell(body?.catchUp?.value)
        case .configuredAsOf: return .date(configuredAsOf)
        }
    }

    /// A fixed amount as money; a percentage as percent with two places (basis points / 100,
    /// exact: 550 → `5.50`); anything else (a tiered match) empty.
    static func amountCell(_ amount: WireBenefitAmount?) -> Cell {
        guard let amount, let value = amount.amount?.cents else { return .empty }
        switch amount.type {
        case "fixed": return .money(value)
        case "percent": return .decimal(percentText(value))
        default: return .empty
        }
    }

    /// Basis points as a percentage with two places; the digits are those of cents in major units.
    static func percentText(_ basisPoints: Cents?) -> String { basisPoints?.decimalString ?? "" }
}
