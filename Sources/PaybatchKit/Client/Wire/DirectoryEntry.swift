/// `IndividualInDirectory`; the directory lists inactive and terminated people too.
public struct DirectoryEntry: Decodable, Sendable {
    @Lenient public var id: String?
    @Lenient public var firstName: String?
    @Lenient public var middleName: String?
    @Lenient public var lastName: String?
    @Lenient public var isActive: LenientBool?
    @Lenient public var manager: WireReference?
    @Lenient public var department: WireDepartmentName?

    enum CodingKeys: String, CodingKey {
        case id, manager, department
        case firstName = "first_name"
        case middleName = "middle_name"
        case lastName = "last_name"
        case isActive = "is_active"
    }
}
