import Foundation

/// Builds Finch requests with the headers of SPEC §3: authorization per endpoint,
/// `Finch-API-Version`, `Accept` and `Content-Type` JSON, and a `User-Agent` naming paybatch.
public struct FinchRequestFactory: Sendable {
    /// `FINCH_BASE_URL`, default `https://api.tryfinch.com`.
    public var baseURL: URL
    /// The total time one attempt may take (`--request-timeout`, default Finch's 6 minutes).
    public var requestTimeout: Duration
    public static let apiVersion = "2020-09-17"
    public static let defaultBaseURL = URL(string: "https://api.tryfinch.com")!
    public var userAgent = "paybatch/\(PaybatchVersion.current)"

    public init(baseURL: URL = FinchRequestFactory.defaultBaseURL, requestTimeout: Duration = .seconds(360)) {
        self.baseURL = baseURL
        self.requestTimeout = requestTimeout
    }

    /// `pathParameter` follows the endpoint's path as one more segment, percent-encoded
    /// (`/jobs/automated/{job_id}`).
    public func request(
        _ endpoint: FinchEndpoint, authorization: FinchAuthorization, query: [URLQueryItem] = [],
        body: Data? = nil,
        connectionID: ConnectionID? = nil, pathParameter: String? = nil
    ) -> HTTPRequest {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        var components = URLComponents(string: text + endpoint.path(parameter: pathParameter))!
        if !query.isEmpty { components.queryItems = query }
        var headers: [(name: String, value: String)] = [
            ("Finch-API-Version", Self.apiVersion),
            ("Accept", "application/json"),
            ("Content-Type", "application/json"),
            ("User-Agent", userAgent),
        ]
        switch authorization {
        case .bearer(let token):
            headers.append(("Authorization", "Bearer \(token.secret)"))
        case .basic(let credentials):
            let pair = Data("\(credentials.clientID):\(credentials.clientSecret.secret)".utf8)
                .base64EncodedString()
            headers.append(("Authorization", "Basic \(pair)"))
        case .none:
            break
        }
        return HTTPRequest(
            method: endpoint.method, url: components.url!, headers: headers,
            body: body ?? (endpoint.method == .post ? Data() : nil), timeout: requestTimeout,
            context: RequestContext(endpoint: endpoint, connectionID: connectionID))
    }
}
