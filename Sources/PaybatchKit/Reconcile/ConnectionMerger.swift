/// Merges what the roster, the Dashboard export and the invoice say of each connection into one
/// detail row, by SPEC §8: *added* is the Dashboard's `created_at`, else the roster file's;
/// *disconnected* is the `roster disconnect` time, else the Dashboard's `disconnected_at`, else
/// paybatch's own (an estimate when the token was found rejected).
struct ConnectionMerger {
    let window: BillingWindow
    let roster: [ConnectionID: RosterConnection]
    let dashboard: [ConnectionID: DashboardConnection]
    /// Invoice lines that name a connection, by that connection.
    let billedLines: [ConnectionID: [InvoiceLine]]

    init(
        window: BillingWindow, roster: [RosterConnection], dashboard: [DashboardConnection], invoice: Invoice
    ) {
        self.window = window
        self.roster = Dictionary(
            roster.map { ($0.connectionID, $0) }, uniquingKeysWith: { first, _ in first })
        self.dashboard = Dictionary(
            dashboard.map { ($0.connectionID, $0) }, uniquingKeysWith: { first, _ in first })
        billedLines = Dictionary(
            grouping: invoice.lines.filter { $0.connectionID != nil }, by: { $0.connectionID! })
    }

    /// Every connection any input knows, merged, by connection_id (bytewise): an order that
    /// comes from a `Set` must never reach a message or a file.
    func merged() -> [ReconciledConnection] {
        Set(roster.keys).union(dashboard.keys).union(billedLines.keys)
            .sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }.map(merge)
    }

    private func merge(_ id: ConnectionID) -> ReconciledConnection {
        let r = roster[id]
        let d = dashboard[id]
        let lines = billedLines[id] ?? []
        let companyID = r?.companyID ?? d?.companyID ?? lines.lazy.compactMap(\.companyID).first
        let addedAt = d?.createdAt ?? r?.createdAt
        var flags: Set<ReconciliationFlag> = []
        let disconnect = disconnectTime(r, d, flags: &flags)
        let production = r?.isProduction ?? true
        let known = r != nil || d != nil
        let billable =
            known
            && window.isBillable(production: production, addedAt: addedAt, disconnectedAt: disconnect.time)
        let status =
            disconnect.time != nil || d?.isDisconnected == true
            ? ConnectionStatus.disconnected.rawValue : r?.status.rawValue ?? d?.status ?? "unknown"
        if r == nil { flags.insert(.notInRoster) }
        if r?.status == .reauth, billable { flags.insert(.reauthRequired) }
        var merged = ReconciledConnection(
            key: companyID?.rawValue ?? "connection:\(id)", companyID: companyID, connectionID: id,
            providerID: r?.providerID ?? d?.providerID ?? lines.lazy.compactMap(\.providerID).first,
            customerID: r?.customerID ?? d?.customerID, customerName: r?.customerName,
            clientType: r?.clientType,
            status: status,
            addedAt: addedAt, disconnectedAt: disconnect.time, disconnectSource: disconnect.source,
            inRoster: r != nil, onDashboard: d != nil, production: production, billable: billable,
            disconnectedBeforePeriod: window.disconnectedBeforeStart(disconnect.time),
            billedQuantity: lines.reduce(0) { $0 + $1.quantity }, onInvoice: !lines.isEmpty, flags: flags,
            liveInPeriod: known && addedAt.map { $0 < window.end } ?? true
                && !window.disconnectedBeforeStart(disconnect.time))
        merged.entities = r?.entities ?? []
        return merged
    }

    private func disconnectTime(
        _ r: RosterConnection?, _ d: DashboardConnection?, flags: inout Set<ReconciliationFlag>
    ) -> (time: UTCTimestamp?, source: String?) {
        if let r, let time = r.disconnectedAt, r.disconnectSource == .disconnect, !r.disconnectTimeEstimated {
            return (time, ConnectionEventSource.disconnect.rawValue)
        }
        if let time = d?.disconnectedAt { return (time, ConnectionEventSource.dashboard.rawValue) }
        if let r, let time = r.disconnectedAt {
            if r.disconnectTimeEstimated { flags.insert(.disconnectTimeEstimated) }
            return (time, r.disconnectSource?.rawValue)
        }
        if d?.isDisconnected == true { flags.insert(.disconnectTimeUnknown) }
        return (nil, nil)
    }
}
