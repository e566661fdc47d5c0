/// The pay statements read by hand (`SliceReadable`), field for field as their `Decodable`
/// conformances read them.
extension WirePayStatement: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WirePayStatement(
            individualID: fields.string(at: member[.individualID]),
            type: fields.string(at: member[.type]).map(PayStatementType.init(rawValue:)),
            paymentMethod: fields.string(at: member[.paymentMethod]).map(PaymentMethod.init(rawValue:)),
            totalHours: fields.decimal(at: member[.totalHours]),
            grossPay: try fields.nested(at: member[.grossPay]),
            netPay: try fields.nested(at: member[.netPay]),
            earnings: try fields.list(at: member[.earnings]), taxes: try fields.list(at: member[.taxes]),
            employeeDeductions: try fields.list(at: member[.employeeDeductions]),
            employerContributions: try fields.list(at: member[.employerContributions]))
    }
}

extension WireMoney: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireMoney(
            amount: fields.cents(at: member[.amount])?.cents.value,
            currency: fields.string(at: member[.currency]))
    }
}

extension WirePayStatement.Earning: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        Self(
            type: fields.string(at: member[.type]).map(EarningType.init(rawValue:)),
            name: fields.string(at: member[.name]), amount: fields.cents(at: member[.amount]),
            currency: fields.string(at: member[.currency]), hours: fields.decimal(at: member[.hours]))
    }
}

extension WirePayStatement.Tax: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        Self(
            type: fields.string(at: member[.type]).map(TaxType.init(rawValue:)),
            name: fields.string(at: member[.name]), employer: fields.bool(at: member[.employer]),
            amount: fields.cents(at: member[.amount]), currency: fields.string(at: member[.currency]))
    }
}

extension WirePayStatement.Deduction: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        Self(
            type: fields.string(at: member[.type]).map(BenefitType.init(rawValue:)),
            name: fields.string(at: member[.name]), amount: fields.cents(at: member[.amount]),
            currency: fields.string(at: member[.currency]), preTax: fields.bool(at: member[.preTax]))
    }
}

extension WirePayStatement.Contribution: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        Self(
            type: fields.string(at: member[.type]).map(BenefitType.init(rawValue:)),
            name: fields.string(at: member[.name]), amount: fields.cents(at: member[.amount]),
            currency: fields.string(at: member[.currency]))
    }
}
