/// The people answers read by hand (`SliceReadable`), field for field as their `Decodable`
/// conformances read them.
extension WireIndividual: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireIndividual(
            id: fields.string(at: member[.id]), firstName: fields.string(at: member[.firstName]),
            middleName: fields.string(at: member[.middleName]),
            lastName: fields.string(at: member[.lastName]),
            preferredName: fields.string(at: member[.preferredName]), dob: fields.string(at: member[.dob]),
            gender: fields.string(at: member[.gender]).map(Gender.init(rawValue:)),
            ethnicity: fields.string(at: member[.ethnicity]),
            maritalStatus: fields.string(at: member[.maritalStatus]),
            phoneNumbers: try fields.list(at: member[.phoneNumbers]),
            emails: try fields.list(at: member[.emails]),
            residence: try fields.nested(at: member[.residence]), ssn: fields.string(at: member[.ssn]),
            encryptedSSN: fields.string(at: member[.encryptedSSN]))
    }
}

extension WireIndividual.Contact: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        Self(
            data: fields.string(at: member[.data]),
            type: fields.string(at: member[.type]).map(ContactType.init(rawValue:)))
    }
}

extension WireEmployment: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireEmployment(
            id: fields.string(at: member[.id]), firstName: fields.string(at: member[.firstName]),
            middleName: fields.string(at: member[.middleName]),
            lastName: fields.string(at: member[.lastName]),
            title: fields.string(at: member[.title]), manager: try fields.nested(at: member[.manager]),
            department: try fields.nested(at: member[.department]),
            employment: try fields.nested(at: member[.employment]),
            employmentStatus: fields.string(at: member[.employmentStatus]).map(
                EmploymentStatus.init(rawValue:)),
            startDate: fields.string(at: member[.startDate]), endDate: fields.string(at: member[.endDate]),
            latestRehireDate: fields.string(at: member[.latestRehireDate]),
            isActive: fields.bool(at: member[.isActive]), classCode: fields.string(at: member[.classCode]),
            flsaStatus: fields.string(at: member[.flsaStatus]).map(FLSAStatus.init(rawValue:)),
            location: try fields.nested(at: member[.location]),
            income: try fields.nested(at: member[.income]),
            incomeHistory: try fields.list(at: member[.incomeHistory]),
            sourceID: fields.string(at: member[.sourceID]), workID: fields.string(at: member[.workID]))
    }
}

extension WireEmployment.Kind: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        Self(
            type: fields.string(at: member[.type]).map(EmploymentType.init(rawValue:)),
            subtype: fields.string(at: member[.subtype]).map(EmploymentSubtype.init(rawValue:)))
    }
}
