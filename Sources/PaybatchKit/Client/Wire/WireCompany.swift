/// `GET /employer/company` (API.md §3.1).
public struct WireCompany: Decodable, Sendable {
    @Lenient public var id: String?
    @Lenient public var legalName: String?
    @Lenient public var ein: String?
    @Lenient public var primaryEmail: String?
    @Lenient public var primaryPhoneNumber: String?
    @Lenient public var entity: Entity?
    @Lenient public var departments: WireList<Department>?
    @Lenient public var locations: WireList<WireLocation>?

    enum CodingKeys: String, CodingKey {
        case id, ein, entity, departments, locations
        case legalName = "legal_name"
        case primaryEmail = "primary_email"
        case primaryPhoneNumber = "primary_phone_number"
    }

    /// `{type, subtype}` of the legal entity.
    public struct Entity: Decodable, Sendable {
        @Lenient public var type: String?
        @Lenient public var subtype: String?
        enum CodingKeys: String, CodingKey { case type, subtype }
    }

    /// A department and its parent's name.
    public struct Department: Decodable, Sendable {
        @Lenient public var name: String?
        @Lenient public var parent: WireDepartmentName?
        enum CodingKeys: String, CodingKey { case name, parent }
    }
}
