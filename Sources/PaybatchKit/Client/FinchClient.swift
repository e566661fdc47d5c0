import Foundation

/// Finch's API as paybatch uses it: typed methods over the composed transport stack. Every call
/// hands its raw answer to `onResponse` before decoding, so the caller can store it as it arrives.
public struct FinchClient: Sendable {
    public let requests: FinchRequestFactory
    public var limits: FinchBatchLimits
    /// Where answers are kept and looked up per connection; nil for calls that keep nothing.
    public var cache: (any ResponseCache)?
    let transport: any HTTPTransport
    /// The limiter under `transport`, whose limits say how many of a bucket's calls go at once
    /// (nil: not known, taken as unpaced).
    public let limiter: (any RateBudget)?

    public init(
        requests: FinchRequestFactory, transport: any HTTPTransport,
        limits: FinchBatchLimits = FinchBatchLimits(), cache: (any ResponseCache)? = nil,
        limiter: (any RateBudget)? = nil
    ) {
        self.requests = requests
        self.transport = transport
        self.limits = limits
        self.cache = cache
        self.limiter = limiter
    }

    /// A raw receiver of answers; the export stores them, other callers ignore them.
    public typealias ResponseSink = @Sendable (FinchResponse) async throws -> Void

    /// Sends one call through the stack. Returns any 2xx answer (202 included); throws a
    /// `FinchFailure` for an error answer or no answer once retries are over, and lets a
    /// `FinchRunStop` through. `entity`: the call reads one entity of a multi-entity connection
    /// (`entity_ids[]`, at most one, API.md §2), and its answer is stored as that entity's.
    public func send(
        _ endpoint: FinchEndpoint, _ authorization: FinchAuthorization, query: [URLQueryItem] = [],
        body: Data? = nil, connectionID: ConnectionID? = nil, pathParameter: String? = nil,
        entity: EntityID? = nil, onResponse: ResponseSink? = nil
    ) async throws -> FinchResponse {
        let query = query + (entity.map { [URLQueryItem(name: "entity_ids[]", value: $0.rawValue)] } ?? [])
        let request = requests.request(
            endpoint, authorization: authorization, query: query, body: body, connectionID: connectionID,
            pathParameter: pathParameter)
        // A path parameter (a benefit's id) tells the calls of one endpoint apart as a query does;
        // without one the key is what it always was, so stored runs still resume.
        let keyQuery = pathParameter.map { "\($0)?\(request.url.query ?? "")" } ?? request.url.query
        let key = connectionID.map {
            RequestKey(connectionID: $0, endpoint: endpoint, query: keyQuery, body: body, entity: entity)
        }
        if let cache, let key, endpoint != .introspect,
            let stored = try await cache.cachedResponse(for: key)
        {
            return stored
        }
        let answer = try await answer(request)
        if let failure = answer.failure(attempts: 1) { throw failure }
        let response = FinchResponse(endpoint: endpoint, try answer.result.get())
        // HTTP 202 is "not ready": never kept, so the next run asks again.
        if let cache, let key, response.status == 200 { try await cache.store(response, for: key) }
        try await onResponse?(response)
        return response
    }

    /// One request through the stack, as Finch answered it (or did not); what is neither an
    /// answer nor a transport error (a run stop, a cancellation) is thrown.
    func answer(_ request: HTTPRequest) async throws -> FinchAnswer {
        let answer = FinchAnswer(
            await Result { try await transport.send(request) }, endpoint: request.context.endpoint)
        if case .failure(let error) = answer.result, !(error is TransportError) { throw error }
        return answer
    }

    static func encode<T: Encodable>(_ value: T) -> Data {
        // Sorted keys make the same request the same bytes, so a resumed run finds its stored
        // answers (JSONEncoder's key order is not stable otherwise). Our own plain types cannot fail.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try! encoder.encode(value)
    }

    // MARK: Connections and sessions

    /// `GET /introspect`: what Finch knows of the token's connection.
    public func introspect(
        _ token: AccessToken, connectionID: ConnectionID? = nil
    ) async throws -> Introspection {
        try await send(.introspect, .bearer(token), connectionID: connectionID).decode(Introspection.self)
    }

    /// `GET /providers`.
    public func providers(_ token: AccessToken) async throws -> [WireProvider] {
        try await send(.providers, .bearer(token)).decode(WireList<WireProvider>.self).present
    }

    /// `POST /disconnect`: ends the connection (and its billing) for good.
    public func disconnect(
        _ token: AccessToken, connectionID: ConnectionID?
    ) async throws -> DisconnectResponse {
        try await send(.disconnect, .bearer(token), connectionID: connectionID).decode(
            DisconnectResponse.self)
    }

    /// `POST /auth/token`: exchanges an authorization code for a token, server-side.
    public func exchangeCode(
        _ code: String, credentials: ClientCredentials, redirectURI: String?
    ) async throws
        -> TokenExchangeResponse
    {
        let body = Self.encode(
            TokenExchangeRequest(credentials: credentials, code: code, redirectURI: redirectURI))
        return try await send(.authToken, .none, body: body).decode(TokenExchangeResponse.self)
    }

    /// `POST /connect/sessions` (Basic auth).
    public func createConnectSession(
        _ session: ConnectSessionRequest, credentials: ClientCredentials
    ) async throws
        -> ConnectSessionResponse
    {
        try await send(.connectSession, .basic(credentials), body: Self.encode(session))
            .decode(ConnectSessionResponse.self)
    }

    /// `POST /connect/sessions/reauthenticate` (Basic auth).
    public func createReauthenticateSession(
        _ session: ReauthenticateSessionRequest, credentials: ClientCredentials
    ) async throws -> ConnectSessionResponse {
        try await send(
            .reauthenticateSession, .basic(credentials), body: Self.encode(session),
            connectionID: ConnectionID(session.connectionID)
        ).decode(ConnectSessionResponse.self)
    }
}
