import Foundation

/// Every Finch endpoint paybatch calls, with how it authenticates and which rate-limit bucket it
/// draws from (API.md §1 and §9).
public enum FinchEndpoint: String, Sendable, CaseIterable, Codable {
    case authToken = "auth_token"
    case connectSession = "connect_session"
    case reauthenticateSession = "reauthenticate_session"
    case introspect
    case disconnect
    case disconnectEntity = "disconnect_entity"
    case providers
    case company
    case directory
    case individual
    case employment
    case payment
    case payStatement = "pay_statement"
    /// `POST /jobs/automated`: a forced `data_sync_all` (API.md §11).
    case createAutomatedJob = "create_automated_job"
    /// `GET /jobs/automated/{job_id}`: one job's status.
    case automatedJob = "automated_job"
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
        case .disconnectEntity: "/disconnect-entity"
        case .providers: "/providers"
        case .company: "/employer/company"
        case .directory: "/employer/directory"
        case .individual: "/employer/individual"
        case .employment: "/employer/employment"
        case .payment: "/employer/payment"
        case .payStatement: "/employer/pay-statement"
        case .createAutomatedJob: "/jobs/automated"
        case .automatedJob: "/jobs/automated/{job_id}"
        case .benefits: "/employer/benefits"
        case .benefitIndividuals: "/employer/benefits/{benefit_id}/individuals"
        }
    }

    /// The path with its one parameter filled in (`benefitIndividuals`' benefit id, percent-encoded).
    public func path(parameter: String?) -> String {
        guard let parameter, let open = path.firstIndex(of: "{"), let close = path.firstIndex(of: "}")
        else { return path }
        // Unreserved characters only (RFC 3986): an id cannot add a segment or a query.
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = parameter.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return path.replacingCharacters(in: open...close, with: encoded)
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .introspect, .providers, .company, .directory, .payment, .automatedJob, .benefits,
            .benefitIndividuals:
            .get
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
        case .createAutomatedJob, .automatedJob: .jobs
        case .benefits, .benefitIndividuals: .benefits
        default: nil
        }
    }

    /// The product scope a token needs for this endpoint (introspect's `products`); the jobs
    /// endpoints need none (forced refreshes are an add-on of the account, API.md §9).
    public var product: String? { bucket == .jobs ? nil : bucket?.rawValue }
}
