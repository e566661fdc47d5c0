import Foundation

extension SandboxEngine {
    /// `GET /introspect` and `POST /disconnect`.
    func account(_ request: SandboxRequest, at t: Double) -> SandboxResponse {
        guard let token = SandboxEngine.bearer(request) else { return FinchError.noAuthentication }
        guard let access = access(token: token) else { return FinchError.invalidToken }
        if request.path == "/disconnect" {
            state.with { s in
                s.disconnectedAt[access.connection.connectionID] = Date(timeIntervalSince1970: t)
            }
            return .json(200, .object([("status", .string("success"))]))
        }
        var response = SandboxResponse.json(200, introspection(access, token: token))
        if let lastSync = access.lastSync {
            response.headers.append(("Finch-Data-Retrieved", SandboxEngine.iso(lastSync)))
        }
        return response
    }

    func introspection(_ access: ConnectionAccess, token: String) -> JSONValue {
        let c = access.connection
        let status: JSONValue = .object([
            ("status", .string(access.status)),
            ("last_successful_sync", .string(access.lastSync.map(SandboxEngine.iso))),
            ("message", .string(access.status == "connected" ? "Connected" : access.status)),
        ])
        let products = JSONValue.array(c.grantedProducts.map { .string($0) })
        return .object([
            ("id", .string(hash.uuid("token-id", token))), ("client_id", .string(options.clientID)),
            ("client_type", .string(c.clientType)), ("connection_id", .string(c.connectionID)),
            ("connection_type", .string(c.connectionType)), ("connection_status", status),
            ("products", products), ("provider_id", .string(c.providerID)),
            (
                "authentication_methods",
                .array([
                    .object([
                        ("type", .string(c.isAssisted ? "assisted" : "credential")),
                        ("connection_status", .object([("status", .string(access.status))])),
                        ("products", products),
                    ])
                ])
            ),
            ("manual", .bool(c.isAssisted)), ("username", .string("admin@\(c.customerID).example")),
            ("customer_id", .string(c.customerID)), ("customer_email", .null),
            ("customer_name", .string(c.customerName)),
            (
                "entities",
                .array([
                    .object([
                        ("id", .string(hash.uuid("entity", c.companyID))), ("name", .string(c.customerName)),
                        ("source_id", .string("CO\(c.companyIndex + 1)")), ("status", .string(access.status)),
                    ])
                ])
            ),
            ("company_id", .string(c.companyID)),
            ("account_id", .string(hash.uuid("account", c.connectionID))),
            ("payroll_provider_id", .string(c.providerID)),
        ])
    }

    /// `GET /providers`: a bare array; the bearer token is accepted but not required (API.md §1).
    func providers() -> SandboxResponse {
        .json(
            200,
            .array(
                ProviderProfile.all.map { p in
                    .object([
                        ("id", .string(p.id)), ("display_name", .string(p.displayName)),
                        ("products", .array(SandboxConnection.products.map { .string($0) })),
                        (
                            "authentication_methods",
                            .array([
                                .object([("type", .string(p.id == "justworks" ? "assisted" : "credential"))])
                            ])
                        ),
                        ("beta", .bool(false)), ("icon", .string("https://sandbox.invalid/\(p.id).svg")),
                        ("logo", .string("https://sandbox.invalid/\(p.id).svg")),
                        ("manual", .bool(p.id == "justworks")),
                        ("mfa_required", .bool(false)), ("primary_color", .string("#1f6feb")),
                    ])
                }))
    }
}
