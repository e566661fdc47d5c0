extension SandboxWorld {
    /// The entities of `connection`: one, whose id the code exchange and `/introspect` give; or,
    /// for the multi-entity scenario, three whose data differ — the third in `error_permissions`,
    /// which Finch refuses to read (issue 21).
    public func entities(of connection: SandboxConnection) -> [SandboxEntity] {
        let source = "CO\(connection.companyIndex + 1)"
        guard connection.scenario == .multiEntity else {
            return [
                SandboxEntity(
                    id: hash.uuid("entity", connection.companyID), name: connection.customerName,
                    sourceID: source, fixedStatus: nil, place: 0)
            ]
        }
        let parts: [(String, String?)] = [
            ("East LLC", nil), ("West LLC", nil), ("Payroll Services Inc", "error_permissions"),
        ]
        return parts.enumerated().map { place, part in
            SandboxEntity(
                id: hash.uuid("entity", connection.companyID, String(place)),
                name: "\(connection.customerName) \(part.0)", sourceID: "\(source)-\(place + 1)",
                fixedStatus: part.1, place: place)
        }
    }

    /// The connection as one of its entities' data is generated: its own people and payments
    /// (their ids derive from the entity's id), its own size and name, the connection's provider,
    /// schedule and sync. The connection itself, for a connection of one entity.
    public func view(of connection: SandboxConnection, entity: SandboxEntity) -> SandboxConnection {
        guard connection.scenario == .multiEntity else { return connection }
        var rng = hash.random("entity-size", entity.id)
        return SandboxConnection(
            companyIndex: connection.companyIndex, connectionID: entity.id, companyID: connection.companyID,
            customerID: connection.customerID, customerName: entity.name, providerID: connection.providerID,
            scenario: .normal, accessToken: connection.accessToken, createdAt: connection.createdAt,
            disconnectedAt: connection.disconnectedAt, baseLastSync: connection.baseLastSync,
            people: rng.int(5...24), schedule: entity.place == 1 ? .semiMonthly : connection.schedule)
    }

    /// The views whose data an export reads: each connected entity's, or the connection itself.
    public func exportedViews(of connection: SandboxConnection) -> [SandboxConnection] {
        guard connection.scenario == .multiEntity else { return [connection] }
        return entities(of: connection).filter { $0.fixedStatus == nil }.map {
            view(of: connection, entity: $0)
        }
    }
}
