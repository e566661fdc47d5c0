/// The columns of employees.csv: one row per directory entry per connection (SPEC §4).
public enum EmployeesField: String, ReportField {
    case customerID = "customer_id"
    case customerName = "customer_name"
    case companyID = "company_id"
    case connectionID = "connection_id"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case providerID = "provider_id"
    case individualID = "individual_id"
    case sourceID = "source_id"
    case firstName = "first_name"
    case middleName = "middle_name"
    case lastName = "last_name"
    case preferredName = "preferred_name"
    case workEmail = "work_email"
    case personalEmail = "personal_email"
    case title
    case department
    case managerID = "manager_id"
    case employmentType = "employment_type"
    case employmentSubtype = "employment_subtype"
    case employmentStatus = "employment_status"
    case isActive = "is_active"
    case startDate = "start_date"
    case endDate = "end_date"
    case latestRehireDate = "latest_rehire_date"
    case flsaStatus = "flsa_status"
    case incomeAmount = "income_amount"
    case incomeCurrency = "income_currency"
    case incomeUnit = "income_unit"
    case incomeEffectiveDate = "income_effective_date"
    case workCity = "work_city"
    case workState = "work_state"
    case workCountry = "work_country"

    public static let reportName = "employees"

    public var type: CellType {
        switch self {
        case .customerName, .entityName: return .text
        case .customerID, .companyID, .connectionID, .entityID, .providerID, .individualID, .sourceID,
            .managerID:
            return .id
        case .firstName, .middleName, .lastName, .preferredName, .workEmail, .personalEmail, .title,
            .department, .employmentType, .employmentSubtype, .employmentStatus, .flsaStatus, .incomeCurrency,
            .incomeUnit, .workCity, .workState, .workCountry:
            return .text
        case .isActive: return .boolean
        case .startDate, .endDate, .latestRehireDate, .incomeEffectiveDate: return .date
        case .incomeAmount: return .money
        }
    }

    public var meaning: String {
        switch self {
        case .customerID: return "Our customer key, from the roster."
        case .customerName: return "The customer's name in the roster."
        case .companyID: return "Finch's company id."
        case .connectionID: return "Finch's connection id."
        case .entityID:
            return
                "The entity of a multi-entity connection (its EIN or company code); empty for a connection of one entity."
        case .entityName: return "The entity's name, as Finch lists it; empty for a connection of one entity."
        case .providerID: return "The provider."
        case .individualID: return "Finch's id of the person within the connection."
        case .sourceID: return "The provider's own id of the person, when it gives one."
        case .firstName: return "First name."
        case .middleName: return "Middle name."
        case .lastName: return "Last name."
        case .preferredName: return "Preferred name."
        case .workEmail: return "The first email of type work."
        case .personalEmail: return "The first email of type personal."
        case .title: return "Job title, from employment."
        case .department: return "Department name, from employment, else from the directory."
        case .managerID: return "The manager's individual_id, from employment, else from the directory."
        case .employmentType: return "employee or contractor (unknown values kept as sent)."
        case .employmentSubtype: return "full_time, part_time, intern, temp, seasonal, individual_contractor…"
        case .employmentStatus: return "active, deceased, leave, onboarding, prehire, retired, terminated…"
        case .isActive: return "Whether the person is active, from employment, else from the directory."
        case .startDate: return "Employment start date."
        case .endDate: return "Employment end date."
        case .latestRehireDate: return "The latest rehire date."
        case .flsaStatus: return "exempt, non_exempt or unknown."
        case .incomeAmount: return "Income amount in major units."
        case .incomeCurrency: return "Income currency, upper-case ISO code."
        case .incomeUnit: return "The income's unit: yearly, hourly, per pay period…"
        case .incomeEffectiveDate: return "When the income took effect."
        case .workCity: return "City of the work location."
        case .workState: return "State or region of the work location."
        case .workCountry: return "Country of the work location."
        }
    }
}
