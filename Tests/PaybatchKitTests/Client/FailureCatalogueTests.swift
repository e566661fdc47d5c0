import PaybatchKit
import Testing

/// One row of API.md §7.2 and what paybatch must make of it.
struct CatalogueCase: Sendable, CustomTestStringConvertible {
    var status: Int
    var name: String?
    var finchCode: String?
    var endpoint: FinchEndpoint? = nil
    var code: String
    var retryable: Bool
    var scope: FailureScope
    var exit: PaybatchKit.ExitStatus? = nil

    var testDescription: String {
        "\(status) \(name ?? "-") \(finchCode ?? "-")\(endpoint.map { " on \($0.rawValue)" } ?? "") → \(code)"
    }
}

@Suite("The failure catalogue: every row of API.md §7.2")
struct FailureCatalogueTests {
    static let cases: [CatalogueCase] = [
        .init(
            status: 400, name: "invalid_grant_error", code: "invalid_grant", retryable: false, scope: .request
        ),
        .init(
            status: 400, name: "bad_request", finchCode: "invalid_request", code: "invalid_request",
            retryable: false, scope: .request),
        .init(
            status: 400, name: "invalid_request_error", finchCode: "invalid_request", code: "invalid_request",
            retryable: false, scope: .request),
        .init(
            status: 400, name: "invalid_request_error", code: "invalid_request", retryable: false,
            scope: .request),
        .init(
            status: 404, name: "bad_request", finchCode: "enrollment_not_found", code: "enrollment_not_found",
            retryable: false, scope: .item),
        .init(
            status: 401, name: "invalid_token_error", code: "invalid_token", retryable: false,
            scope: .connection),
        .init(
            status: 401, name: "invalid_request_error", code: "invalid_request", retryable: false,
            scope: .request),
        .init(
            status: 401, name: "authentication_error", finchCode: "reauthenticate_user",
            code: "reauth_required", retryable: false, scope: .connection),
        .init(
            status: 401, name: "authentication_error", finchCode: "account_setup_required",
            code: "account_setup_required", retryable: false, scope: .connection),
        .init(
            status: 401, name: "invalid_client_error", code: "invalid_client", retryable: false, scope: .run,
            exit: .configuration),
        .init(
            status: 401, name: "unauthorized_request_error", code: "unauthorized", retryable: false,
            scope: .connection),
        .init(
            status: 402, name: "payment_required", finchCode: "payment_required", code: "payment_required",
            retryable: false, scope: .run, exit: .unavailable),
        .init(
            status: 403, name: "error_permissions", finchCode: "insufficient_account_permissions",
            code: "insufficient_permissions", retryable: false, scope: .connection),
        .init(
            status: 403, name: "insufficient_scope_error", code: "product_not_granted", retryable: false,
            scope: .connection),
        .init(
            status: 404, name: "not_found_error", finchCode: "item_not_found", code: "item_not_found",
            retryable: false, scope: .item),
        .init(
            status: 404, name: "not_found_error", finchCode: "benefit_not_found", code: "item_not_found",
            retryable: false, scope: .item),
        .init(
            status: 404, name: "not_found_error", finchCode: "individual_not_found", code: "item_not_found",
            retryable: false, scope: .item),
        .init(
            status: 404, name: "not_found_error", finchCode: "payment_not_found", code: "item_not_found",
            retryable: false, scope: .item),
        .init(
            status: 408, name: "client_connection_closed", code: "client_connection_closed", retryable: true,
            scope: .request),
        .init(status: 409, code: "conflict", retryable: true, scope: .request),
        .init(
            status: 422, name: "unprocessable_request_error", finchCode: "unsupported_parameters",
            code: "unprocessable", retryable: false, scope: .request),
        .init(
            status: 422, name: "unprocessable_request_error", finchCode: "invalid_employee_enrollment",
            code: "unprocessable", retryable: false, scope: .request),
        .init(
            status: 429, name: "rate_limit_exceeded_error", finchCode: "finch_application_rl",
            code: "rate_limited", retryable: true, scope: .request),
        .init(
            status: 429, name: "rate_limit_exceeded_error", finchCode: "finch_api_ip_rl",
            code: "ip_rate_limited", retryable: false, scope: .run, exit: .temporary),
        .init(
            status: 429, name: "rate_limit_exceeded_error", finchCode: "finch_auth_ip_rl",
            code: "auth_rate_limited", retryable: true, scope: .request),
        .init(
            status: 429, name: "rate_limit_exceeded_error", finchCode: "upstream_rate_limit_exceeded",
            code: "upstream_rate_limited", retryable: true, scope: .request),
        .init(
            status: 429, name: "rate_limit_exceeded_error", finchCode: "finch_token_rl",
            code: "token_rate_limited", retryable: true, scope: .request),
        .init(status: 429, code: "rate_limited", retryable: true, scope: .request),
        // The refresh quota (API.md §9): nameless on the jobs endpoint, and not worth a retry;
        // the application limit on the same endpoint still is.
        .init(
            status: 429, endpoint: .createAutomatedJob, code: "refresh_quota_spent", retryable: false,
            scope: .connection),
        .init(
            status: 429, name: "rate_limit_exceeded_error", finchCode: "finch_application_rl",
            endpoint: .createAutomatedJob, code: "rate_limited", retryable: true, scope: .request),
        .init(
            status: 500, name: "server_error", finchCode: "internal_server_error", code: "server_error",
            retryable: true, scope: .request),
        .init(status: 500, name: "server_error", code: "server_error", retryable: true, scope: .request),
        .init(
            status: 501, name: "not_implemented_error", finchCode: "internal_server_error",
            code: "not_implemented", retryable: false, scope: .connection),
        .init(
            status: 502, name: "bad_gateway_error", finchCode: "upstream_provider_error",
            code: "upstream_provider_error", retryable: true, scope: .request),
        .init(status: 502, code: "server_error", retryable: true, scope: .request),
        .init(status: 503, code: "server_error", retryable: true, scope: .request),
        .init(status: 418, code: "http_418", retryable: false, scope: .request),
    ]

    @Test(arguments: cases)
    func classifies(_ row: CatalogueCase) {
        let result = FailureCatalogue.classify(
            status: row.status, name: row.name, finchCode: row.finchCode, endpoint: row.endpoint)
        #expect(result.code == row.code)
        #expect(result.retryable == row.retryable)
        #expect(result.scope == row.scope)
        #expect(result.runExitStatus == row.exit)
        #expect(!result.remedy.isEmpty)
    }

    @Test func everyCatalogueRowIsCovered() {
        for row in FailureCatalogue.rows {
            let covered = Self.cases.contains {
                $0.status == row.status && (row.name == nil || $0.name == row.name)
                    && (row.finchCode == nil || $0.finchCode == row.finchCode)
                    && $0.endpoint == row.endpoint
            }
            #expect(covered, "no test case for \(row.status) \(row.name ?? "-") \(row.finchCode ?? "-")")
        }
    }

    @Test(arguments: [
        (TransportError.Kind.connectionFailed, "unreachable", true),
        (.timedOut, "timeout", true),
        (.incompleteResponse, "incomplete_response", true),
        (.hostNotFound, "unreachable", true),
        (.tls, "tls", false),
    ])
    func classifiesTransportErrors(kind: TransportError.Kind, code: String, retryable: Bool) {
        let result = FailureCatalogue.classify(TransportError(kind, "x"))
        #expect(result.code == code)
        #expect(result.retryable == retryable)
    }
}
