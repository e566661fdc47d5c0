/// Finch's error bodies, exactly as API.md §7 and §9 give them.
enum FinchError {
    static func body(_ code: Int, _ name: String, _ finchCode: String?, _ message: String) -> SandboxResponse
    {
        var pairs: [(String, JSONValue)] = [("code", .int(code)), ("name", .string(name))]
        if let finchCode { pairs.append(("finch_code", .string(finchCode))) }
        pairs.append(("message", .string(message)))
        return .json(code, .object(pairs))
    }

    static func badRequest(_ message: String) -> SandboxResponse {
        body(400, "bad_request", "invalid_request", message)
    }

    /// Finch answers a request that misses a documented parameter with 401, not 400 (API.md §7.2).
    static func invalidRequest(_ message: String) -> SandboxResponse {
        body(401, "invalid_request_error", nil, message)
    }

    static let noAuthentication = body(
        401, "unauthorized_request_error", nil, "Unauthorized request: no authentication given")
    static let invalidToken = body(401, "invalid_token_error", nil, "Invalid access token")
    static let invalidClient = body(401, "invalid_client_error", nil, "Invalid client_id or client_secret")
    static let reauthenticate = body(
        401, "authentication_error", "reauthenticate_user",
        "The employer must reauthenticate this connection through Finch Connect")
    /// A token without the product the endpoint needs (`insufficient_scope_error`).
    static let productNotGranted = body(
        403, "insufficient_scope_error", nil, "The access token does not have access to this product")
    static let routeNotFound = body(404, "not_found_error", nil, "Route not found")

    /// The 429 body, with the extra `statusCode`/`status` keys Finch's rate-limit bodies carry.
    static func rateLimited(_ finchCode: String) -> SandboxResponse {
        .json(
            429,
            .object([
                ("statusCode", .int(429)), ("status", .int(429)), ("code", .int(429)),
                ("message", .string("Too many requests for token")),
                ("name", .string("rate_limit_exceeded_error")),
                ("finch_code", .string(finchCode)),
            ]))
    }

    static let serverError = body(
        500, "server_error", "internal_server_error", "An unexpected error occurred")
    static let badGateway = body(
        502, "bad_gateway_error", "upstream_provider_error", "The provider answered with an error")

    /// An item-level error object inside a batch response.
    static func item(_ code: Int, _ name: String, _ finchCode: String, _ message: String) -> JSONValue {
        .object([
            ("code", .int(code)), ("name", .string(name)), ("finch_code", .string(finchCode)),
            ("message", .string(message)),
        ])
    }

    /// The literal item body of a payment whose statements are still syncing (API.md §4.2).
    /// Built on each use, not stored: a global holding an `indirect` enum keeps its box pointer
    /// with the case tag in the pointer's spare bits, which LeakSanitizer does not recognise as a
    /// pointer, so `make sanitize-address` reported the box as leaked at every exit.
    static var dataSyncInProgress: JSONValue {
        .object([
            ("code", .int(202)), ("name", .string("accepted")),
            ("finch_code", .string("data_sync_in_progress")),
            (
                "message",
                .string("The pay statements for this payment are being fetched. Please check back later.")
            ),
        ])
    }
}
