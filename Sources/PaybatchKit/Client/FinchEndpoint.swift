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
        case .createAutomatedJob, .automatedJob: "/jobs/automated"
        }
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .introspect, .providers, .company, .directory, .payment, .automatedJob: .get
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
        default: nil
        }
    }

    /// The product scope a token needs for this endpoint (introspect's `products`); the jobs
    /// endpoints need none (forced refreshes are an add-on of the account, API.md §9).
    public var product: String? { bucket == .jobs ? nil : bucket?.rawValue }
}
