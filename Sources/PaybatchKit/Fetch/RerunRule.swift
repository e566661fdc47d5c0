/// SPEC §8's re-run rule, decided per connection right after its `/introspect`:
/// - in a resumed run, stored answers older than the connection's latest sync are dropped, so the
///   connection is fetched again whole and its data never mixes two syncs;
/// - a connection the previous finished run left `ok`, whose latest sync is no later than the
///   earliest `Finch-Data-Retrieved` of that run's answers for it (all of which carry one), is
///   served by those answers (copied into this run) without data calls.
struct RerunRule: Sendable {
    let store: RunStore
    /// The run being made.
    let run: String
    /// The period's latest finished run before it, if any (none with `--fresh`).
    let previous: String?
    /// `--include benefits`: a previous run that did not read a connection's benefits cannot serve
    /// it (its benefits would be missing from the reports).
    var includeBenefits = false

    /// Whether the connection's data must be fetched; false when stored answers serve.
    func shouldFetch(_ id: ConnectionID, introspection: Introspection) async throws -> Bool {
        let sync = introspection.connectionStatus?.lastSuccessfulSync.flatMap(UTCTimestamp.init(iso:))
        let stored = try await store.dataRetrieved(runID: run, connection: id)
        if !stored.isEmpty {
            // A connection whose sync moved past its stored answers is fetched again whole — one
            // this run already reused included — so its data never mixes two syncs.
            if let sync, stored.contains(where: { $0.map { $0 < sync } ?? false }) {
                try await store.deleteDataResponses(runID: run, connection: id)
                return true
            }
            let recorded = try await store.runConnections(runID: run)[id]
            return !(recorded?.source == "reused" && recorded?.status == .ok)
        }
        guard let previous, let sync,
            try await store.runConnections(runID: previous)[id]?.status == .ok
        else { return true }
        let earlier = try await store.dataRetrieved(runID: previous, connection: id)
        guard !earlier.isEmpty, earlier.allSatisfy({ $0 != nil }),
            let earliest = earlier.compactMap({ $0 }).min(),
            sync <= earliest
        else { return true }
        if includeBenefits, introspection.products?.present.contains("benefits") == true,
            try await store.storedAnswers(runID: previous, connection: id, endpoint: .benefits).isEmpty
        {
            return true
        }
        try await store.copyResponses(from: previous, to: run, connection: id)
        return false
    }
}
