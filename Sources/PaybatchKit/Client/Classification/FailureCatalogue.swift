/// The one table from Finch's answers to failure classes (DESIGN.md "Errors"; API.md §7.2). A row
/// matches on HTTP status, and on `name` and `finch_code` when it gives them; the most specific
/// matching row wins, then the defaults per status range.
public enum FailureCatalogue {
    /// One row of the table; nil fields match anything. A row naming an endpoint is for answers
    /// only that endpoint gives (the refresh quota's 429 has no `name`); a name or code weighs more.
    public struct Row: Sendable {
        public var status: Int
        public var name: String?
        public var finchCode: String?
        public var endpoint: FinchEndpoint?
        public var failureClass: FailureClass

        var specificity: Int {
            (name == nil ? 0 : 4) + (finchCode == nil ? 0 : 2) + (endpoint == nil ? 0 : 1)
        }
    }

    private static func row(
        _ status: Int, _ name: String?, _ finchCode: String?, on endpoint: FinchEndpoint? = nil,
        _ code: String,
        retry: Bool,
        _ scope: FailureScope,
        exit: ExitStatus? = nil, _ remedy: String
    ) -> Row {
        Row(
            status: status, name: name, finchCode: finchCode, endpoint: endpoint,
            failureClass: FailureClass(
                code: code, retryable: retry, scope: scope, runExitStatus: exit, remedy: remedy))
    }

    private static let reportBug = "paybatch sent a request Finch refused; report it with the request id."

    /// Every row of API.md §7.2, plus the rows for answers Finch gives without a catalogued name.
    public static let rows: [Row] = [
        row(
            400, "invalid_grant_error", nil, "invalid_grant", retry: false, .request,
            "The authorization code is wrong or expired (codes last 10 minutes): run the Connect flow again."),
        row(400, "bad_request", "invalid_request", "invalid_request", retry: false, .request, reportBug),
        row(400, "invalid_request_error", nil, "invalid_request", retry: false, .request, reportBug),
        row(
            404, "bad_request", "enrollment_not_found", "enrollment_not_found", retry: false, .item,
            "No enrollment exists for that individual in the benefit."),
        row(
            401, "invalid_token_error", nil, "invalid_token", retry: false, .connection,
            "Finch no longer accepts this token (disconnected or revoked): run `paybatch roster refresh`, and reconnect the customer with `paybatch connect` if it is still wanted."
        ),
        row(401, "invalid_request_error", nil, "invalid_request", retry: false, .request, reportBug),
        row(
            401, "authentication_error", "reauthenticate_user", "reauth_required", retry: false, .connection,
            "The employer must reauthenticate: run `paybatch reauth CONNECTION_ID` and send them the link."),
        row(
            401, "authentication_error", "account_setup_required", "account_setup_required", retry: false,
            .connection, "The employer has not finished connecting: ask them to complete Finch Connect."),
        row(
            401, "authentication_error", nil, "authentication_failed", retry: false, .connection,
            "Finch refused the connection's credentials: run `paybatch roster refresh` to see its status."),
        row(
            401, "invalid_client_error", nil, "invalid_client", retry: false, .run, exit: .configuration,
            "The client id or secret is wrong: check FINCH_CLIENT_ID and set the secret again with `paybatch config set-client-secret --stdin`."
        ),
        row(
            401, "unauthorized_request_error", nil, "unauthorized", retry: false, .connection,
            "No credentials reached Finch: check that the connection has a token (`paybatch roster list`)."),
        row(
            402, "payment_required", nil, "payment_required", retry: false, .run, exit: .unavailable,
            "Finch blocks this account for unpaid invoices: settle them in the Finch Dashboard, then run again."
        ),
        row(
            403, "error_permissions", "insufficient_account_permissions", "insufficient_permissions",
            retry: false,
            .connection,
            "The provider admin account Finch uses lacks permissions: ask the employer to grant them."),
        row(
            403, "insufficient_scope_error", nil, "product_not_granted", retry: false, .connection,
            "The token lacks this product: reconnect the customer with the product to fetch it."),
        row(
            404, "not_found_error", nil, "item_not_found", retry: false, .item,
            "Finch has no such item for this connection; it is recorded and the export goes on."),
        row(
            408, "client_connection_closed", nil, "client_connection_closed", retry: true, .request,
            "The request took longer than the client waited: raise --request-timeout (Finch allows 6 minutes)."
        ),
        row(
            409, nil, nil, "conflict", retry: true, .request,
            "Finch reported a conflict; paybatch retries it."),
        row(422, "unprocessable_request_error", nil, "unprocessable", retry: false, .request, reportBug),
        row(
            429, "rate_limit_exceeded_error", "finch_application_rl", "rate_limited", retry: true, .request,
            "Finch's per-application limit refused the call; paybatch waits and retries. Lower --rate-scale if this recurs."
        ),
        row(
            429, "rate_limit_exceeded_error", "finch_api_ip_rl", "ip_rate_limited", retry: false, .run,
            exit: .temporary,
            "Finch locked this IP out for 60 minutes: run again after that; keep [rate_limits] ip under 1000."
        ),
        row(
            429, "rate_limit_exceeded_error", "finch_auth_ip_rl", "auth_rate_limited", retry: true, .request,
            "Finch Connect's per-IP limit refused the call; paybatch waits and retries."),
        row(
            429, "rate_limit_exceeded_error", "upstream_rate_limit_exceeded", "upstream_rate_limited",
            retry: true,
            .request, "The payroll provider throttled Finch; paybatch waits and retries."),
        row(
            429, "rate_limit_exceeded_error", "finch_token_rl", "token_rate_limited", retry: true, .request,
            "Finch's per-token limit refused the call; paybatch waits and retries."),
        // API.md §9: the forced-refresh quota's 429 is `{allowed_refreshes, remaining_refreshes: 0,
        // retry_at}`, with no name; asking again before `retry_at` cannot succeed.
        row(
            429, nil, nil, on: .createAutomatedJob, "refresh_quota_spent", retry: false, .connection,
            "Finch's forced-refresh quota for this connection is spent: run `paybatch refresh` again after its retry time."
        ),
        row(
            429, nil, nil, "rate_limited", retry: true, .request,
            "Finch refused the call for its rate limit; paybatch waits and retries."),
        row(
            500, "server_error", nil, "server_error", retry: true, .request,
            "Finch failed; if it persists, Finch advises trying again in a few hours."),
        row(
            501, "not_implemented_error", nil, "not_implemented", retry: false, .connection,
            "The provider does not support this endpoint through Finch."),
        row(
            502, "bad_gateway_error", "upstream_provider_error", "upstream_provider_error", retry: true,
            .request,
            "The payroll provider failed behind Finch; run again later."),
    ]

    /// Answers outside the table, by status range.
    static func fallback(status: Int) -> FailureClass {
        switch status {
        case 500...599:
            FailureClass(
                code: "server_error", retryable: true, scope: .request,
                remedy: "Finch answered with a server error; run again later.")
        case 401:
            FailureClass(
                code: "unauthorized", retryable: false, scope: .connection,
                remedy:
                    "Finch refused the token: run `paybatch roster refresh` to see the connection's status.")
        case 403:
            FailureClass(
                code: "forbidden", retryable: false, scope: .connection,
                remedy: "Finch refused access: check the connection's products with `paybatch roster list`.")
        case 404:
            FailureClass(code: "not_found", retryable: false, scope: .request, remedy: reportBug)
        default:
            FailureClass(code: "http_\(status)", retryable: false, scope: .request, remedy: reportBug)
        }
    }

    /// The class of an HTTP error answer (from `endpoint`, when known).
    public static func classify(
        status: Int, name: String?, finchCode: String?, endpoint: FinchEndpoint? = nil
    ) -> FailureClass {
        var best: Row?
        for row in rows where row.status == status {
            if let n = row.name, n != name { continue }
            if let c = row.finchCode, c != finchCode { continue }
            if let e = row.endpoint, e != endpoint { continue }
            if best == nil || row.specificity > best!.specificity { best = row }
        }
        return best?.failureClass ?? fallback(status: status)
    }

    /// The class of a request that got no HTTP answer at all.
    public static func classify(_ error: TransportError) -> FailureClass {
        switch error.kind {
        case .connectionFailed, .hostNotFound:
            FailureClass(
                code: "unreachable", retryable: true, scope: .request,
                remedy:
                    "Finch could not be reached: check FINCH_BASE_URL, the network and any proxy settings.")
        case .timedOut:
            FailureClass(
                code: "timeout", retryable: true, scope: .request,
                remedy: "Finch did not answer in time: raise --request-timeout or run again later.")
        case .incompleteResponse:
            FailureClass(
                code: "incomplete_response", retryable: true, scope: .request,
                remedy: "Finch's answer was cut short; paybatch retries it.")
        case .tls:
            FailureClass(
                code: "tls", retryable: false, scope: .run, runExitStatus: .unavailable,
                remedy:
                    "The TLS connection to Finch failed: check the system's CA certificates and any proxy.")
        case .cancelled:
            FailureClass(
                code: "cancelled", retryable: false, scope: .run, runExitStatus: .temporary,
                remedy: "The run was interrupted; run the same command again to resume.")
        case .other:
            FailureClass(
                code: "transport_error", retryable: true, scope: .request,
                remedy: "The request to Finch failed before an answer came; paybatch retries it.")
        }
    }
}
