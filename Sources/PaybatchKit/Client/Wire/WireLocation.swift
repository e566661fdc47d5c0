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
