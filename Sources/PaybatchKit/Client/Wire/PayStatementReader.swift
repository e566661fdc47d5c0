import Foundation

/// Builds `WirePayStatement`s straight from a page's bytes, the same values `JSONDecoder` builds
/// through the types' `Decodable` conformances, several times faster: decoding statements was
/// most of a large export's CPU. The keys come from the types' own `CodingKeys`, so the two
/// readings cannot drift apart; `PayStatementReaderTests` compares them on hostile input.
struct PayStatementReader {
    typealias Statement = WirePayStatement
    typealias SyntaxError = JSONSlices.SyntaxError

    private let fields: JSONFieldReader
    private let statementKeys = JSONKeys(Statement.CodingKeys.self)
    private let moneyKeys = JSONKeys(WireMoney.CodingKeys.self)
    private let earningKeys = JSONKeys(Statement.Earning.CodingKeys.self)
    private let taxKeys = JSONKeys(Statement.Tax.CodingKeys.self)
    private let deductionKeys = JSONKeys(Statement.Deduction.CodingKeys.self)
    private let contributionKeys = JSONKeys(Statement.Contribution.CodingKeys.self)

    /// `buffer` holds text `JSONSlices` has checked; `decoder` reads the leaves this does not.
    init(_ buffer: UnsafeRawBufferPointer, decoder: JSONDecoder) {
        fields = JSONFieldReader(buffer: buffer, decoder: decoder)
    }

    /// The statement at `range`; nil when it is not an object (null included).
    func statement(at range: Range<Int>) -> Statement? {
        do {
            return try read(range)
        } catch {
            // Only a range `JSONSlices` did not check can fail here: the whole statement then goes
            // to Foundation's decoder, which answers for it.
            return fields.foundation(Lenient<Statement>.self, at: range)?.wrappedValue
        }
    }

    private func read(_ range: Range<Int>) throws(SyntaxError) -> Statement? {
        guard let member = try fields.members(of: range, statementKeys) else { return nil }
        return Statement(
            individualID: fields.string(at: member[.individualID]),
            type: fields.string(at: member[.type]).map(PayStatementType.init(rawValue:)),
            paymentMethod: fields.string(at: member[.paymentMethod]).map(PaymentMethod.init(rawValue:)),
            totalHours: fields.decimal(at: member[.totalHours]),
            grossPay: try money(at: member[.grossPay]),
            netPay: try money(at: member[.netPay]),
            earnings: try fields.list(at: member[.earnings], earning),
            taxes: try fields.list(at: member[.taxes], tax),
            employeeDeductions: try fields.list(at: member[.employeeDeductions], deduction),
            employerContributions: try fields.list(at: member[.employerContributions], contribution))
    }

    private func money(at range: Range<Int>?) throws(SyntaxError) -> WireMoney? {
        guard let range, let member = try fields.members(of: range, moneyKeys) else { return nil }
        return WireMoney(
            amount: fields.cents(at: member[.amount])?.cents.value,
            currency: fields.string(at: member[.currency]))
    }

    private func earning(at range: Range<Int>) throws(SyntaxError) -> Statement.Earning? {
        guard let member = try fields.members(of: range, earningKeys) else { return nil }
        return Statement.Earning(
            type: fields.string(at: member[.type]).map(EarningType.init(rawValue:)),
            name: fields.string(at: member[.name]), amount: fields.cents(at: member[.amount]),
            currency: fields.string(at: member[.currency]), hours: fields.decimal(at: member[.hours]))
    }

    private func tax(at range: Range<Int>) throws(SyntaxError) -> Statement.Tax? {
        guard let member = try fields.members(of: range, taxKeys) else { return nil }
        return Statement.Tax(
            type: fields.string(at: member[.type]).map(TaxType.init(rawValue:)),
            name: fields.string(at: member[.name]), employer: fields.bool(at: member[.employer]),
            amount: fields.cents(at: member[.amount]), currency: fields.string(at: member[.currency]))
    }

    private func deduction(at range: Range<Int>) throws(SyntaxError) -> Statement.Deduction? {
        guard let member = try fields.members(of: range, deductionKeys) else { return nil }
        return Statement.Deduction(
            type: fields.string(at: member[.type]).map(BenefitType.init(rawValue:)),
            name: fields.string(at: member[.name]), amount: fields.cents(at: member[.amount]),
            currency: fields.string(at: member[.currency]), preTax: fields.bool(at: member[.preTax]))
    }

    private func contribution(at range: Range<Int>) throws(SyntaxError) -> Statement.Contribution? {
        guard let member = try fields.members(of: range, contributionKeys) else { return nil }
        return Statement.Contribution(
            type: fields.string(at: member[.type]).map(BenefitType.init(rawValue:)),
            name: fields.string(at: member[.name]), amount: fields.cents(at: member[.amount]),
            currency: fields.string(at: member[.currency]))
    }
}
