/// The columns of benefit_enrollments.csv: one row per person and benefit (SPEC §8).
public enum BenefitEnrollmentsField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case benefitID = "benefit_id"
    case type
    case individualID = "individual_id"
    case employeeDeductionType = "employee_deduction_type"
    case employeeDeduction = "employee_deduction"
    case companyContributionType = "company_contribution_type"
    case companyContribution = "company_contribution"
    case annualMaximum = "annual_maximum"
    case catchUp = "catch_up"
    case configuredAsOf = "configured_as_of"

    public static let reportName = "benefit_enrollments"

    public var type: CellType {
        switch self {
        case .customerID, .connectionID, .entityID, .benefitID, .individualID: .id
        case .employeeDeduction, .companyContribution: .decimal
        case .annualMaximum: .money
        case .catchUp: .boolean
        case .configuredAsOf: .date
        default: .text
        }
    }

    public var meaning: String {
        switch self {
        case .customerID: "Our customer key."
        case .customerName: "The customer's name in the roster."
        case .connectionID: "Finch's connection id."
        case .entityID:
            "The entity of a multi-entity connection (its EIN or company code); empty for a connection of one entity."
        case .entityName: "The entity's name, as Finch lists it; empty for a connection of one entity."
        case .benefitID: "Finch's benefit id."
        case .type: "The benefit type."
        case .individualID: "The person enrolled."
        case .employeeDeductionType: "fixed or percent."
        case .employeeDeduction: "A fixed amount in money, or a percentage of gross pay in percent (5.50)."
        case .companyContributionType: "fixed, percent or tiered."
        case .companyContribution: "Like employee_deduction; empty for a tiered match (see benefits.csv)."
        case .annualMaximum: "The yearly cap on the deduction, in money."
        case .catchUp: "Whether catch-up contributions are on."
        case .configuredAsOf:
            "The day the configuration was read: benefits are read live, today's, not the period's."
        }
    }
}
