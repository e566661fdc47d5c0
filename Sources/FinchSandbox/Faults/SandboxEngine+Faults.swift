import Foundation

extension SandboxEngine {
    /// Whether `request` draws a fault under the plan's paths and connections. The connection is
    /// looked up only when the plan names some, so an unscoped plan costs nothing more.
    func drawsFaults(_ request: SandboxRequest) -> Bool {
        let plan = options.faults
        guard !plan.connections.isEmpty else { return plan.applies(to: request.path) }
        // A call naming an entity (`entity_ids[]`) draws when the plan names that entity: a test
        // fails one entity of a multi-entity connection while its others succeed.
        let entity = request.query.first { $0.0 == "entity_ids[]" }?.1
        if let entity, plan.connections.contains(entity) { return plan.applies(to: request.path) }
        return plan.applies(to: request.path, connection: faultConnection(request))
    }

    /// The connection id of a request's bearer token, revoked and disconnected tokens included:
    /// a fault scoped to a connection follows its token whatever the connection's state.
    private func faultConnection(_ request: SandboxRequest) -> String? {
        guard let token = SandboxEngine.bearer(request) else { return nil }
        if let issued = state.with({ $0.issuedTokens[token] }) { return issued }
        return world.connections.first { $0.accessToken == token }?.connectionID
    }

    /// `real`, answered as garbage of `kind` with status 200: what a proxy, a load balancer or a
    /// broken deploy in front of Finch sends. The real answer is still computed first, so the
    /// sandbox's state moves exactly as it would for a well-formed answer that got mangled.
    static func garbage(_ kind: FaultPlan.Kind, replacing real: SandboxResponse) -> SandboxResponse {
        switch kind {
        case .html:
            return SandboxResponse(
                status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                body: Array("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".utf8))
        case .shape:
            // The opposite of the real answer's top level, so no lenient decoding can accept it.
            let isArray = real.body.first { !$0.isASCIIWhitespace } == UInt8(ascii: "[")
            let body = isArray ? #"{"unexpected":"shape"}"# : #"["unexpected","shape"]"#
            return SandboxResponse(
                status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        default:
            return SandboxResponse(status: 200, headers: [("Content-Type", "application/json")])
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
