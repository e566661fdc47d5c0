import Foundation

/// Every Finch endpoint paybatch calls, with how it authenticates and which rate-limit bucket it
/// draws from (API.md §1 and §9).
public enum FinchEndpoint: String, Sendable, CaseIterable, Codable {
    case authToken = "auth_token"
    case connectSession = "connect_session"
    case reauthenticateSession = "reauthenticate_session"
    case introspect
    case disconnect
    case providers
    case company
    case directory
    case individual
    case employment
    case payment
    case payStatement = "pay_statement"
    /// `GET /employer/benefits`: the company's benefits (`--include benefits`).
    case benefits
    /// `GET /employer/benefits/{benefit_id}/individuals`: every person enrolled in one benefit.
    case benefitIndividuals = "benefit_individuals"

    /// How a request to this endpoint proves who it is.
    public enum Authorization: Sendable {
        /// `Authorization: Bearer <access token>`.
        case bearer
        /// `Authorization: Basic base64(client_id:client_secret)`.
        case basic
        /// No header; `/auth/token` carries the client credentials in its JSON body.
        case none
    }

    public var path: String {
        switch self {
        case .authToken: "/auth/token"
        case .connectSession: "/connect/sessions"
        case .reauthenticateSession: "/connect/sessions/reauthenticate"
        case .introspect: "/introspect"
        case .disconnect: "/disconnect"
        case .providers: "/providers"
        case .company: "/employer/company"
        case .directory: "/employer/directory"
        case .individual: "/employer/individual"
        case .employment: "/employer/employment"
        case .payment: "/employer/payment"
        case .payStatement: "/employer/pay-statement"
        case .benefits: "/employer/benefits"
        case .benefitIndividuals: "/employer/benefits/{benefit_id}/individuals"
        }
    }

    /// The path with its one parameter filled in (`benefitIndividuals`' benefit id, percent-encoded).
    public func path(parameter: String?) -> String {
        guard let parameter else { return path }
        let encoded =
            parameter.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
            ?? parameter
        return path.replacingOccurrences(of: "{benefit_id}", with: encoded)
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .introspect, .providers, .company, .directory, .payment, .benefits, .benefitIndividuals: .get
        default: .post
        }
    }

    public var authorization: Authorization {
        switch self {
        case .authToken: .none
        case .connectSession, .reauthenticateSession: .basic
        // API.md §1: /providers lists no security, but the SDK sends the bearer token; so do we.
        default: .bearer
        }
    }

    /// The per-product bucket, or nil for endpoints that pass only the per-IP limiter.
    public var bucket: RateLimitBucket? {
        switch self {
        case .company: .company
        case .directory: .directory
        case .individual: .individual
        case .employment: .employment
        case .payment: .payment
        case .payStatement: .payStatement
        case .benefits, .benefitIndividuals: .benefits
        default: nil
        }
    }

    /// The product scope a token needs for this endpoint (introspect's `products`).
    public var product: String? { bucket?.rawValue }
}

/// Finch's per-application, per-product rate-limit buckets; the names are SPEC §3's, used in
/// run.json, `[rate_limits]`, `--dry-run` and the sandbox's counters.
public enum RateLimitBucket: String, Sendable, CaseIterable, Codable, Comparable {
    case company, directory, individual, employment, payment
    case payStatement = "pay_statement"
    /// The benefits endpoints: Finch publishes no limit for them (API.md §9), so 20 a minute, as
    /// the organization endpoints, unless `[rate_limits] benefits` says otherwise (issue 21).
    case benefits

    /// Finch's published requests per minute (API.md §9).
    public var finchPerMinute: Int {
        switch self {
        case .company, .directory, .individual, .employment, .benefits: 20
        case .payment, .payStatement: 12
        }
    }

    /// The buckets run.json's `calls` and `--dry-run` list: SPEC §3's six, and `benefits` only
    /// for an export that includes them, so an export without benefits writes what it always did.
    public static func listed(includingBenefits: Bool) -> [RateLimitBucket] {
        includingBenefits ? allCases : allCases.filter { $0 != .benefits }
    }

    public static func < (lhs: RateLimitBucket, rhs: RateLimitBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
