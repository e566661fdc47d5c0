/// One element of `GET /employer/payment` (a bare array, API.md §4.1).
public struct WirePayment: Decodable, Sendable {
    @Lenient public var id: String?
    @Lenient public var payDate: String?
    @Lenient public var debitDate: String?
    @Lenient public var payPeriod: PayPeriod?
    @Lenient public var companyDebit: WireMoney?
    @Lenient public var grossPay: WireMoney?
    @Lenient public var netPay: WireMoney?
    @Lenient public var employerTaxes: WireMoney?
    @Lenient public var employeeTaxes: WireMoney?
    @Lenient public var individualIDs: WireList<String>?
    @Lenient public var payFrequencies: WireList<PayFrequency>?
    @Lenient public var payGroupIDs: WireList<String>?

    enum CodingKeys: String, CodingKey {
        case id
        case payDate = "pay_date"
        case debitDate = "debit_date"
        case payPeriod = "pay_period"
        case companyDebit = "company_debit"
        case grossPay = "gross_pay"
        case netPay = "net_pay"
        case employerTaxes = "employer_taxes"
        case employeeTaxes = "employee_taxes"
        case individualIDs = "individual_ids"
        case payFrequencies = "pay_frequencies"
        case payGroupIDs = "pay_group_ids"
    }

    /// `{start_date, end_date}`.
    public struct PayPeriod: Decodable, Sendable {
        @Lenient public var startDate: String?
        @Lenient public var endDate: String?
        enum CodingKeys: String, CodingKey {
            case startDate = "start_date"
            case endDate = "end_date"
        }
    }
}
