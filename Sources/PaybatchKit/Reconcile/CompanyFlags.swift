/// The company-wide flags of SPEC §5 and §8, marked on the connections that cause them.
enum CompanyFlags {
    /// - `multi_provider`: the company's connections live in the period (disconnected ones
    ///   excluded) span two or more known providers;
    /// - `duplicate_connection`: two or more billable (so production) connections at one known
    ///   provider — an unknown provider is no evidence of a duplicate;
    /// - `billed_disconnected`: a line names a connection disconnected before the period while
    ///   another of the company's roster connections is billable.
    static func mark(_ connections: inout [ReconciledConnection], _ indices: [Int], lines: [InvoiceLine]) {
        let live = indices.filter { connections[$0].liveInPeriod && connections[$0].providerID != nil }
        if Set(live.map { connections[$0].providerID! }).count > 1 {
            for i in live { connections[i].flags.insert(.multiProvider) }
        }
        let billable = live.filter { connections[$0].billable }
        for (_, group) in Dictionary(grouping: billable, by: { connections[$0].providerID! })
        where group.count > 1 {
            for i in group { connections[i].flags.insert(.duplicateConnection) }
        }
        let named = Set(lines.compactMap(\.connectionID))
        let anyBillable = indices.contains { connections[$0].inRoster && connections[$0].billable }
        for i in indices
        where anyBillable && named.contains(connections[i].connectionID) && connections[i].inRoster
            && connections[i].disconnectedBeforePeriod
        {
            connections[i].flags.insert(.billedDisconnected)
        }
    }
}
