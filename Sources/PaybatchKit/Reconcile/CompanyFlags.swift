/// The company-wide flags of SPEC §5, marked on the connections that cause them.
enum CompanyFlags {
    /// `multi_provider` when the company's connections live in the period are at more than one
    /// provider; `duplicate_connection` on two or more of them at one provider.
    static func mark(_ connections: inout [ReconciledConnection], _ indices: [Int]) {
        let live = indices.filter { connections[$0].liveInPeriod }
        let byProvider = Dictionary(grouping: live, by: { connections[$0].providerID?.rawValue ?? "" })
        if byProvider.count > 1 {
            for i in live { connections[i].flags.insert(.multiProvider) }
        }
        for (_, group) in byProvider where group.count > 1 {
            for i in group { connections[i].flags.insert(.duplicateConnection) }
        }
    }
}
