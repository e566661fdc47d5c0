/// One entry of `GET /providers` (a bare array). Only `id`, `display_name` and `products` are
/// documented as required; paybatch reads little else.
public struct WireProvider: Decodable, Sendable {
    @Lenient public var id: String?
    @Lenient public var displayName: String?
    @Lenient public var products: [String]?
    @Lenient public var beta: LenientBool?
    @Lenient public var manual: LenientBool?
    @Lenient public var mfaRequired: LenientBool?
    @Lenient public var authenticationMethods: WireList<Method>?

    enum CodingKeys: String, CodingKey {
        case id, products, beta, manual
        case displayName = "display_name"
        case mfaRequired = "mfa_required"
        case authenticationMethods = "authentication_methods"
    }

    /// An authentication method; `supported_fields` is a nested map of booleans paybatch ignores.
    public struct Method: Decodable, Sendable {
        @Lenient public var type: AuthenticationMethodType?
        enum CodingKeys: String, CodingKey { case type }
    }
}
