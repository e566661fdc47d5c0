extension SandboxEngine {
    /// What a data call reads: the connection's data, or — for a connection of several entities —
    /// the one entity its `entity_ids[]` names (at most one, API.md §2). Finch answers a call
    /// without one on such a connection with 400 (the pinned SDK documents it), and a call for an
    /// entity Finch cannot read (`error_permissions`) with 403.
    func scoped(_ request: SandboxRequest, _ access: ConnectionAccess) -> DataScope {
        let asked = request.query.filter { $0.0 == "entity_ids[]" || $0.0 == "entity_ids" }.map(\.1)
        guard asked.count <= 1 else {
            return .refused(Self.invalidEntity("entity_ids accepts at most one entity id"))
        }
        let connection = access.connection
        let gone = state.with { $0.disconnectedEntities[connection.connectionID] ?? [] }
        let live = world.entities(of: connection).filter { !gone.contains($0.id) }
        guard let id = asked.first else {
            guard live.count <= 1 else {
                return .refused(
                    Self.invalidEntity(
                        "This connection has \(live.count) entities: name one with entity_ids[] (at most one)"
                    ))
            }
            return .reads(live.first.map { viewed(access, $0) } ?? access)
        }
        guard let entity = live.first(where: { $0.id == id }) else {
            return .refused(Self.invalidEntity("entity \(id) is not an entity of this connection"))
        }
        if let status = entity.fixedStatus, status != "connected" {
            return .refused(
                FinchError.body(
                    403, "permission_denied_error", nil,
                    "Entity \(id) is \(status): the provider has not granted Finch access to its data"))
        }
        return .reads(viewed(access, entity))
    }

    /// What an export reads of a connection: each entity it fetches (connected, not removed), or
    /// the connection itself when it has one entity.
    func exportedViews(_ access: ConnectionAccess) -> [ConnectionAccess] {
        let gone = state.with { $0.disconnectedEntities[access.connection.connectionID] ?? [] }
        let live = world.entities(of: access.connection).filter { !gone.contains($0.id) }
        guard live.count > 1 else { return [live.first.map { viewed(access, $0) } ?? access] }
        return live.filter { $0.fixedStatus == nil }.map { viewed(access, $0) }
    }

    private func viewed(_ access: ConnectionAccess, _ entity: SandboxEntity) -> ConnectionAccess {
        ConnectionAccess(
            connection: world.view(of: access.connection, entity: entity), status: access.status,
            lastSync: access.lastSync, syncAdvances: access.syncAdvances)
    }

    private static func invalidEntity(_ message: String) -> SandboxResponse {
        FinchError.body(400, "invalid_request_error", "invalid_request", message)
    }
}

/// What a data call reads, or what Finch answers instead of reading it.
enum DataScope {
    case reads(ConnectionAccess)
    case refused(SandboxResponse)
}
