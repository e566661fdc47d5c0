// Finch's enumerations as open sets (API.md §13): unknown strings are kept as they came.

/// `client_type`: `production`, `development`, `sandbox`.
public struct ClientType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["production", "development", "sandbox"]
    public static let production = ClientType(rawValue: "production")
}

/// `connection_type`: `provider`, or `finch` for Finch-generated sandbox data.
public struct ConnectionType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["provider", "finch"]
}

/// `ConnectionStatusType`.
public struct ConnectionStatusType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "pending", "processing", "connected", "error_no_account_setup", "error_permissions", "reauth",
        "disconnected",
    ]
    public static let connected = ConnectionStatusType(rawValue: "connected")
    public static let reauth = ConnectionStatusType(rawValue: "reauth")
    public static let pending = ConnectionStatusType(rawValue: "pending")
    public static let processing = ConnectionStatusType(rawValue: "processing")
}

/// Authentication method types, including `api` as `/providers` lists it.
public struct AuthenticationMethodType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "assisted", "credential", "api_token", "api_credential", "oauth", "api",
    ]
    public static let assisted = AuthenticationMethodType(rawValue: "assisted")
}

/// `employment.type`.
public struct EmploymentType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["employee", "contractor"]
}

/// `employment.subtype`.
public struct EmploymentSubtype: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "full_time", "intern", "part_time", "temp", "seasonal", "individual_contractor",
    ]
}

/// `employment_status`.
public struct EmploymentStatus: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "active", "deceased", "leave", "onboarding", "prehire", "retired", "terminated",
    ]
}

/// `flsa_status`.
public struct FLSAStatus: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["exempt", "non_exempt", "unknown"]
}

/// Income `unit`: the amount is not necessarily yearly.
public struct IncomeUnit: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "yearly", "quarterly", "monthly", "semi_monthly", "bi_weekly", "weekly", "daily", "hourly", "fixed",
    ]
}

/// Pay frequencies of a payment.
public struct PayFrequency: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "annually", "semi_annually", "quarterly", "monthly", "semi_monthly", "bi_weekly", "weekly", "daily",
        "other",
    ]
}

/// Pay statement `type`; Finch's own 2024 examples send `regular`, outside the enum.
public struct PayStatementType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["regular_payroll", "off_cycle_payroll", "one_time_payment"]
}

/// Pay statement `payment_method`.
public struct PaymentMethod: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["check", "direct_deposit", "other"]
}

/// Earning `type`; note the leading-digit `1099`.
public struct EarningType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "salary", "wage", "reimbursement", "overtime", "severance", "double_overtime", "pto", "sick", "bonus",
        "commission", "tips", "1099", "other",
    ]
}

/// Tax `type`.
public struct TaxType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["state", "federal", "local", "fica"]
}

/// `BenefitType` of deductions and contributions.
public struct BenefitType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "457", "401k", "401k_roth", "401k_loan", "403b", "403b_roth", "457_roth", "commuter",
        "custom_post_tax",
        "custom_pre_tax", "fsa_dependent_care", "fsa_medical", "hsa_post", "hsa_pre", "s125_dental",
        "s125_medical",
        "s125_vision", "simple", "simple_ira",
    ]
}

/// Email and phone `type`.
public struct ContactType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["work", "personal"]
    public static let work = ContactType(rawValue: "work")
    public static let personal = ContactType(rawValue: "personal")
}

/// Individual `gender`.
public struct Gender: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["female", "male", "other", "decline_to_specify"]
}
