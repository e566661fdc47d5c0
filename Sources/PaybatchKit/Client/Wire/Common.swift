/// `Money`: integer cents and a currency, each possibly null; the whole object may be null too.
public struct WireMoney: Decodable, Sendable, Equatable {
    @Lenient public var amount: WireCents?
    @Lenient public var currency: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case amount, currency }

    public init(amount: Int64?, currency: String?) {
        self.amount = amount.map(WireCents.init)
        self.currency = currency
    }

    public var cents: Cents? { amount?.cents }
}

/// `Location`.
public struct WireLocation: Decodable, Sendable, Equatable {
    @Lenient public var line1: String?
    @Lenient public var line2: String?
    @Lenient public var city: String?
    @Lenient public var state: String?
    @Lenient public var postalCode: String?
    @Lenient public var country: String?
    @Lenient public var name: String?
    @Lenient public var sourceID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case line1, line2, city, state, country, name
        case postalCode = "postal_code"
        case sourceID = "source_id"
    }
}

/// `Paging`: `offset` always, `count` (the total) when Finch knows it.
public struct WirePaging: Decodable, Sendable, Equatable {
    @Lenient public var offset: Int?
    @Lenient public var count: Int?

    enum CodingKeys: String, CodingKey { case offset, count }
}

/// `Income`: an amount as the provider reports it, per `unit` — not necessarily yearly.
public struct WireIncome: Decodable, Sendable, Equatable {
    @Lenient public var unit: IncomeUnit?
    @Lenient public var amount: WireCents?
    @Lenient public var currency: String?
    @Lenient public var effectiveDate: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case unit, amount, currency
        case effectiveDate = "effective_date"
    }
}

/// `{id}` of a manager.
public struct WireReference: Decodable, Sendable, Equatable {
    @Lenient public var id: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id }
}

/// `{name}` of a department.
public struct WireDepartmentName: Decodable, Sendable, Equatable {
    @Lenient public var name: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case name }
}

/// Finch's error body (API.md §7.1); some endpoints add `statusCode` and `status`.
public struct FinchErrorBody: Decodable, Sendable, Equatable {
    @Lenient public var code: Int?
    @Lenient public var name: String?
    @Lenient public var finchCode: String?
    @Lenient public var message: String?
    @Lenient public var statusCode: Int?
    @Lenient public var status: Int?
    /// Deprecated keys of older item errors.
    @Lenient public var errorName: String?
    @Lenient public var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case code, name, message, statusCode, status
        case finchCode = "finch_code"
        case errorName = "error_name"
        case errorMessage = "error_message"
    }

    public var effectiveName: String? { name ?? errorName }
    public var effectiveMessage: String? { message ?? errorMessage }
}
