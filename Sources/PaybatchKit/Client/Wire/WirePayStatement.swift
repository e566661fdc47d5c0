import Foundation

/// `PayStatement`.
public struct WirePayStatement: Decodable, Sendable, Equatable {
    @Lenient public var individualID: String?
    @Lenient public var type: PayStatementType?
    @Lenient public var paymentMethod: PaymentMethod?
    /// Hours may be fractional (`42.5`); `Decimal` keeps the text's value exactly.
    @Lenient public var totalHours: Decimal?
    @Lenient public var grossPay: WireMoney?
    @Lenient public var netPay: WireMoney?
    @Lenient public var earnings: WireList<Earning>?
    @Lenient public var taxes: WireList<Tax>?
    @Lenient public var employeeDeductions: WireList<Deduction>?
    @Lenient public var employerContributions: WireList<Contribution>?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, earnings, taxes
        case individualID = "individual_id"
        case paymentMethod = "payment_method"
        case totalHours = "total_hours"
        case grossPay = "gross_pay"
        case netPay = "net_pay"
        case employeeDeductions = "employee_deductions"
        case employerContributions = "employer_contributions"
    }

    /// An earning line; `name` is the label as printed on the statement.
    public struct Earning: Decodable, Sendable, Equatable {
        @Lenient public var type: EarningType?
        @Lenient public var name: String?
        @Lenient public var amount: WireCents?
        @Lenient public var currency: String?
        @Lenient public var hours: Decimal?
        enum CodingKeys: String, CodingKey, CaseIterable { case type, name, amount, currency, hours }
    }

    /// A tax line; `employer` true means the employer pays it; `amount` may be absent.
    public struct Tax: Decodable, Sendable, Equatable {
        @Lenient public var type: TaxType?
        @Lenient public var name: String?
        @Lenient public var employer: LenientBool?
        @Lenient public var amount: WireCents?
        @Lenient public var currency: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case type, name, employer, amount, currency }
    }

    /// An employee deduction, pre- or post-tax.
    public struct Deduction: Decodable, Sendable, Equatable {
        @Lenient public var type: BenefitType?
        @Lenient public var name: String?
        @Lenient public var amount: WireCents?
        @Lenient public var currency: String?
        @Lenient public var preTax: LenientBool?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, name, amount, currency
            case preTax = "pre_tax"
        }
    }

    /// An employer contribution; its `amount` is optional, unlike an earning's.
    public struct Contribution: Decodable, Sendable, Equatable {
        @Lenient public var type: BenefitType?
        @Lenient public var name: String?
        @Lenient public var amount: WireCents?
        @Lenient public var currency: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case type, name, amount, currency }
    }
}
