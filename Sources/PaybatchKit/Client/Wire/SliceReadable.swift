/// A wire type `JSONFieldReader` builds straight from bytes `JSONSlices` has checked, with the
/// values Foundation's decoder gives through its `Decodable` conformance, several times faster:
/// decoding pay statements and people was most of a large export's CPU. Keys come from each
/// type's own `CodingKeys`, so the two readings cannot drift apart; `PayStatementReaderTests` and
/// `PersonReaderTests` compare them on hostile input.
protocol SliceReadable: Decodable, Sendable {
    associatedtype SliceKeys: CodingKey & CaseIterable & Equatable
    /// The type's keys ready for matching: a `static let` in each conformance, built once.
    static var sliceKeys: JSONKeys<SliceKeys> { get }
    /// The value of an object whose known members are `member`.
    static func read(
        _ member: JSONMembers<SliceKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError)
        -> Self
}

extension SliceReadable {
    /// The value at `range`; nil when it is not a readable object (null included), as `Lenient`.
    /// Throws only on a range `JSONSlices` did not check.
    static func read(at range: Range<Int>, in fields: JSONFieldReader) throws(JSONSlices.SyntaxError) -> Self?
    {
        guard let member = try fields.members(of: range, sliceKeys) else { return nil }
        return try read(member, in: fields)
    }
}

extension JSONFieldReader {
    /// The value at `range`, read by hand; a range `JSONSlices` did not check goes whole to
    /// Foundation's decoder, which answers for it.
    func value<T: SliceReadable>(_ type: T.Type, at range: Range<Int>) -> T? {
        do {
            return try T.read(at: range, in: self)
        } catch {
            return foundation(Lenient<T>.self, at: range)?.wrappedValue
        }
    }

    /// A nested value, nil when the key is missing.
    func nested<T: SliceReadable>(at range: Range<Int>?) throws(SyntaxError) -> T? {
        guard let range else { return nil }
        return try T.read(at: range, in: self)
    }

    func list<T: SliceReadable>(at range: Range<Int>?) throws(SyntaxError) -> WireList<T>? {
        try list(at: range) { range throws(SyntaxError) in try T.read(at: range, in: self) }
    }
}

extension WireLocation: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireLocation(
            line1: fields.string(at: member[.line1]), line2: fields.string(at: member[.line2]),
            city: fields.string(at: member[.city]), state: fields.string(at: member[.state]),
            postalCode: fields.string(at: member[.postalCode]), country: fields.string(at: member[.country]),
            name: fields.string(at: member[.name]), sourceID: fields.string(at: member[.sourceID]))
    }
}

extension WireIncome: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireIncome(
            unit: fields.string(at: member[.unit]).map(IncomeUnit.init(rawValue:)),
            amount: fields.cents(at: member[.amount]), currency: fields.string(at: member[.currency]),
            effectiveDate: fields.string(at: member[.effectiveDate]))
    }
}

extension WireReference: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireReference(id: fields.string(at: member[.id]))
    }
}

extension WireDepartmentName: SliceReadable {
    static let sliceKeys = JSONKeys(CodingKeys.self)

    static func read(
        _ member: JSONMembers<CodingKeys>, in fields: JSONFieldReader
    ) throws(JSONSlices.SyntaxError) -> Self {
        WireDepartmentName(name: fields.string(at: member[.name]))
    }
}
