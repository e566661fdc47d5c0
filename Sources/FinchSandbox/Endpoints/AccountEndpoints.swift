import Foundation

extension SandboxEngine {
    /// `GET /introspect`, `POST /disconnect` and `POST /disconnect-entity`.
    func account(_ request: SandboxRequest, at t: Double) -> SandboxResponse {
        guard let token = SandboxEngine.bearer(request) else { return FinchError.noAuthentication }
        guard let access = access(token: token) else { return FinchError.invalidToken }
        if request.path == "/disconnect-entity" { return disconnectEntities(request, access) }
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
        let gone = state.with { $0.disconnectedEntities[c.connectionID] ?? [] }
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
                .array(
                    world.entities(of: c).map { entity in
                        .object([
                            ("id", .string(entity.id)), ("name", .string(entity.name)),
                            ("source_id", .string(entity.sourceID)),
                            ("status", .string(entity.status(connection: access.status, removed: gone))),
                        ])
                    })
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

extension SandboxEngine {
    /// The entity id the code exchange gives: the connection's first (its only one, but for the
    /// multi-entity scenario).
    func entityID(of connection: SandboxConnection) -> String { world.entities(of: connection)[0].id }

    /// `POST /disconnect-entity` `{"entity_ids": [...]}` (at least one, each the connection's):
    /// the entities are removed, the token keeps working (API.md §2.6).
    func disconnectEntities(_ request: SandboxRequest, _ access: ConnectionAccess) -> SandboxResponse {
        guard let body = JSONReader.object(request.body), let ids = body["entity_ids"] as? [String],
            !ids.isEmpty
        else {
            return FinchError.badRequest("entity_ids must list at least one entity id")
        }
        let connection = access.connection
        let known = Set(world.entities(of: connection).map(\.id))
        guard let unknown = ids.first(where: { !known.contains($0) }) else {
            state.with { $0.disconnectedEntities[connection.connectionID, default: []].formUnion(ids) }
            return .json(200, .object([("status", .string("success"))]))
        }
        return FinchError.badRequest("entity \(unknown) is not an entity of this connection")
    }
}
