/// The body of one `POST /employer/employment` item (API.md §3.4).
public struct WireEmployment: Decodable, Sendable, Equatable {
    @Lenient public var id: String?
    @Lenient public var firstName: String?
    @Lenient public var middleName: String?
    @Lenient public var lastName: String?
    @Lenient public var title: String?
    @Lenient public var manager: WireReference?
    @Lenient public var department: WireDepartmentName?
    @Lenient public var employment: Kind?
    @Lenient public var employmentStatus: EmploymentStatus?
    @Lenient public var startDate: String?
    @Lenient public var endDate: String?
    @Lenient public var latestRehireDate: String?
    @Lenient public var isActive: LenientBool?
    @Lenient public var classCode: String?
    @Lenient public var flsaStatus: FLSAStatus?
    @Lenient public var location: WireLocation?
    @Lenient public var income: WireIncome?
    @Lenient public var incomeHistory: WireList<WireIncome>?
    @Lenient public var sourceID: String?
    @Lenient public var workID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, manager, department, employment, location, income
        case firstName = "first_name"
        case middleName = "middle_name"
        case lastName = "last_name"
        case employmentStatus = "employment_status"
        case startDate = "start_date"
        case endDate = "end_date"
        case latestRehireDate = "latest_rehire_date"
        case isActive = "is_active"
        case classCode = "class_code"
        case flsaStatus = "flsa_status"
        case incomeHistory = "income_history"
        case sourceID = "source_id"
        case workID = "work_id"
    }

    /// `{type, subtype}` of the employment.
    public struct Kind: Decodable, Sendable, Equatable {
        @Lenient public var type: EmploymentType?
        @Lenient public var subtype: EmploymentSubtype?
        enum CodingKeys: String, CodingKey, CaseIterable { case type, subtype }
    }

    /// The provider's own id, from `source_id` or its deprecated `work_id`.
    public var effectiveSourceID: String? { sourceID ?? workID }
}
