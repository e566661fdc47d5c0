import Foundation

/// What a valid token opens: its connection and that connection's live state.
struct ConnectionAccess {
    let connection: SandboxConnection
    let status: String
    let lastSync: Date?
    let syncAdvances: Int
}

extension SandboxEngine {
    /// Every connection: the generated ones and those created by Connect sessions.
    func allConnections(_ s: SandboxStateValues) -> [SandboxConnection] {
        world.connections + s.dynamicConnections
    }

    /// The connection of a bearer token, or nil for an unknown, replaced or disconnected token.
    func access(token: String) -> ConnectionAccess? {
        state.with { s in
            guard !s.revokedTokens.contains(token) else { return nil }
            let id =
                s.issuedTokens[token] ?? world.connections.first { $0.accessToken == token }?.connectionID
            guard let id, let connection = allConnections(s).first(where: { $0.connectionID == id }),
                connection.scenario != .disconnected, s.disconnectedAt[id] == nil
            else { return nil }
            return access(connection, s)
        }
    }

    func access(_ connection: SandboxConnection, _ s: SandboxStateValues) -> ConnectionAccess {
        let id = connection.connectionID
        let advances = s.syncAdvances[id, default: 0]
        var status = "connected"
        if connection.scenario == .reauth { status = "reauth" }
        if connection.isAssisted, !assistedReady(id, s) { status = "pending" }
        if let override = s.statusOverrides[id] { status = override }
        let lastSync: Date? =
            status == "pending" && advances == 0
            ? nil : connection.baseLastSync.addingTimeInterval(Double(advances) * 86_400)
        return ConnectionAccess(
            connection: connection, status: status, lastSync: lastSync, syncAdvances: advances)
    }

    /// An assisted connection is ready after `--sync-after` data requests (0 = never).
    func assistedReady(_ id: String, _ s: SandboxStateValues) -> Bool {
        options.syncAfter > 0 && s.dataRequests[id, default: 0] >= options.syncAfter
    }

    /// The bearer token of a request, if it sent one.
    static func bearer(_ request: SandboxRequest) -> String? {
        guard let value = request.headers["authorization"], value.lowercased().hasPrefix("bearer ") else {
            return nil
        }
        let token = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The generators of one connection as it stands at its last sync.
    func generators(_ access: ConnectionAccess) -> (PersonGenerator, PayrollGenerator) {
        let people = PersonGenerator(hash: hash, connection: access.connection, today: today)
        let count = PersonGenerator.count(access.connection, syncAdvances: access.syncAdvances)
        let cutoff = SandboxDay(access.lastSync ?? world.now)
        let payroll = PayrollGenerator(
            hash: hash, connection: access.connection, people: people, peopleCount: count, cutoff: cutoff)
        return (people, payroll)
    }

    /// ISO-8601 UTC with seconds, as Finch writes datetimes; computed by hand because a formatter per
    /// response costs more than the rest of a small answer.
    static func iso(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = SandboxDay(number: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.number * 86_400
        return day.description + String(format: "T%02d:%02d:%02dZ", inDay / 3600, inDay / 60 % 60, inDay % 60)
    }
}
