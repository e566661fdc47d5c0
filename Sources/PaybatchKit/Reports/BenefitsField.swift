/// The columns of benefits.csv: one row per connection and benefit (SPEC §8 "Benefit findings").
public enum BenefitsField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case benefitID = "benefit_id"
    case type
    case description
    case frequency
    case companyContribution = "company_contribution"

    public static let reportName = "benefits"

    public var type: CellType {
        switch self {
        case .customerID, .connectionID, .entityID, .benefitID: .id
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
        case .type: "The benefit type (401k, s125_medical…), as deduction lines carry it."
        case .description: "The provider's name for the benefit."
        case .frequency: "every_paycheck, monthly or one_time."
        case .companyContribution:
            "The employer's contribution as configured: its kind, amount or match tiers."
        }
    }
}
