import Foundation

extension SandboxEngine {
    /// `POST /auth/token`: a code works once, for 10 minutes of sandbox time. A reauth session's code
    /// gives a new token for the same connection and retires the old one.
    func exchangeCode(_ request: SandboxRequest, at t: Double) -> SandboxResponse {
        let body = JSONReader.object(request.body) ?? [:]
        guard body["client_id"] as? String == options.clientID,
            body["client_secret"] as? String == options.clientSecret
        else { return FinchError.invalidClient }
        let now = Date(timeIntervalSince1970: t)
        let outcome = state.with { s -> (SandboxConnection, String)? in
            guard let code = body["code"] as? String, var record = s.codes[code], !record.used,
                now.timeIntervalSince(record.issuedAt) <= 600, let session = s.sessions[record.sessionID]
            else { return nil }
            record.used = true
            s.codes[code] = record
            if let id = session.reauthConnectionID,
                let connection = allConnections(s).first(where: { $0.connectionID == id })
            {
                // Retire every earlier token of the connection, then issue the next generation.
                let generation = s.issuedTokens.values.filter { $0 == id }.count + 1
                for (token, owner) in s.issuedTokens where owner == id { s.revokedTokens.insert(token) }
                s.revokedTokens.insert(connection.accessToken)
                let token = SandboxWorld.token(hash, ["reauth", id], generation: generation)
                s.issuedTokens[token] = id
                s.statusOverrides[id] = "connected"
                return (connection, token)
            }
            let index = world.connections.count + s.dynamicConnections.count
            let key = ["session", session.id]
            let connection = SandboxConnection(
                companyIndex: index, connectionID: hash.uuid(["connection"] + key),
                companyID: hash.uuid(["company"] + key), customerID: session.customerID,
                customerName: session.customerName, providerID: session.providerID ?? "gusto",
                scenario: session.sandbox ? .sandboxType : .normal,
                accessToken: SandboxWorld.token(hash, key, generation: 0), createdAt: now,
                disconnectedAt: nil,
                baseLastSync: world.now.addingTimeInterval(-3600), people: 5 + index % 11, schedule: .biWeekly
            )
            s.dynamicConnections.append(connection)
            s.issuedTokens[connection.accessToken] = connection.connectionID
            return (connection, connection.accessToken)
        }
        guard let (connection, token) = outcome else {
            return FinchError.body(
                400, "invalid_grant_error", nil, "The authorization code is invalid, used or expired")
        }
        return .json(
            200,
            .object([
                ("access_token", .string(token)), ("token_type", .string("bearer")),
                ("connection_id", .string(connection.connectionID)),
                ("connection_type", .string(connection.connectionType)),
                ("client_type", .string(connection.clientType)),
                ("provider_id", .string(connection.providerID)),
                ("products", .array(SandboxConnection.products.map { .string($0) })),
                ("entity_ids", .array([.string(entityID(of: connection))])),
                ("company_id", .string(connection.companyID)),
                ("account_id", .string(hash.uuid("account", connection.connectionID))),
                ("customer_id", .string(connection.customerID)),
                ("customer_name", .string(connection.customerName)),
            ]))
    }
}
