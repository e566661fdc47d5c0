/// The body of one `POST /employer/individual` item (API.md §3.3).
public struct WireIndividual: Decodable, Sendable, Equatable {
    @Lenient public var id: String?
    @Lenient public var firstName: String?
    @Lenient public var middleName: String?
    @Lenient public var lastName: String?
    @Lenient public var preferredName: String?
    @Lenient public var dob: String?
    @Lenient public var gender: Gender?
    @Lenient public var ethnicity: String?
    @Lenient public var maritalStatus: String?
    @Lenient public var phoneNumbers: WireList<Contact>?
    @Lenient public var emails: WireList<Contact>?
    @Lenient public var residence: WireLocation?
    @Lenient public var ssn: String?
    @Lenient public var encryptedSSN: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, dob, gender, ethnicity, emails, residence, ssn
        case firstName = "first_name"
        case middleName = "middle_name"
        case lastName = "last_name"
        case preferredName = "preferred_name"
        case maritalStatus = "marital_status"
        case phoneNumbers = "phone_numbers"
        case encryptedSSN = "encrypted_ssn"
    }

    /// An email address or phone number and whether it is work or personal.
    public struct Contact: Decodable, Sendable, Equatable {
        @Lenient public var data: String?
        @Lenient public var type: ContactType?
        enum CodingKeys: String, CodingKey, CaseIterable { case data, type }
    }

    /// The first email of a type (SPEC §8: `work_email` and `personal_email`).
    public func firstEmail(of type: ContactType) -> String? {
        emails?.present.first { $0.type == type && $0.data != nil }?.data
    }
}
