import Foundation

extension SandboxEngine {
    /// Checks `Authorization: Basic base64(client_id:client_secret)`.
    func basicAuthOK(_ request: SandboxRequest) -> Bool {
        guard let value = request.headers["authorization"], value.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(value.dropFirst(6)).trimmingCharacters(in: .whitespaces))
        else { return false }
        return String(decoding: data, as: UTF8.self) == "\(options.clientID):\(options.clientSecret)"
    }

    /// `POST /connect/sessions` and `/connect/sessions/reauthenticate`.
    func createSession(_ request: SandboxRequest, reauth: Bool) -> SandboxResponse {
        guard request.headers["authorization"] != nil else { return FinchError.noAuthentication }
        guard basicAuthOK(request) else { return FinchError.invalidClient }
        let body = JSONReader.object(request.body) ?? [:]
        var session = SandboxStateValues.Session(
            id: "", customerID: body["customer_id"] as? String ?? "",
            customerName: body["customer_name"] as? String ?? "",
            redirectURI: body["redirect_uri"] as? String,
            providerID: (body["integration"] as? [String: Any])?["provider"] as? String,
            sandbox: body["sandbox"] as? String != nil, reauthConnectionID: nil)
        if reauth {
            guard let id = body["connection_id"] as? String else {
                return FinchError.badRequest("connection_id is required")
            }
            let known = state.with { s in allConnections(s).first { $0.connectionID == id } }
            guard let known, state.with({ $0.disconnectedAt[id] }) == nil, known.scenario != .disconnected
            else {
                return FinchError.body(404, "not_found_error", "item_not_found", "Connection not found")
            }
            session.reauthConnectionID = id
            session.customerID = known.customerID
            session.customerName = known.customerName
        } else {
            guard !session.customerID.isEmpty, !session.customerName.isEmpty, body["products"] is [Any] else {
                return FinchError.badRequest("customer_id, customer_name and products are required")
            }
        }
        let occurrence = state.with { s in s.nextOccurrence("session") }
        session.id = hash.uuid("session", request.identity, String(occurrence))
        state.with { s in s.sessions[session.id] = session }
        let base = request.headers["host"].map { "http://\($0)" } ?? ""
        return .json(
            200,
            .object([
                ("session_id", .string(session.id)),
                ("connect_url", .string("\(base)/authorize?session=\(session.id)")),
            ]))
    }

    /// The minimal authorize page: redirects to the session's `redirect_uri` with a fresh code.
    func authorize(_ request: SandboxRequest) -> SandboxResponse {
        guard let id = request.queryValue("session"), let session = state.with({ $0.sessions[id] }) else {
            return SandboxResponse(
                status: 404, headers: [("Content-Type", "text/plain")], body: Array("unknown session\n".utf8))
        }
        let issued = clock()
        let code = state.with { s -> String in
            let code = "code_" + hash.hex("code", id, String(s.nextOccurrence("code:" + id))).prefix(32)
            s.codes[code] = .init(sessionID: id, issuedAt: issued)
            return code
        }
        guard let redirect = session.redirectURI, var components = URLComponents(string: redirect) else {
            let page = "<html><body><p>Authorization code: <code>\(code)</code></p></body></html>\n"
            return SandboxResponse(
                status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
        }
        var items = components.queryItems ?? []
        items.append(URLQueryItem(name: "code", value: code))
        if let stateValue = request.queryValue("state") {
            items.append(URLQueryItem(name: "state", value: stateValue))
        }
        components.queryItems = items
        return SandboxResponse(status: 302, headers: [("Location", components.string ?? redirect)])
    }
}
