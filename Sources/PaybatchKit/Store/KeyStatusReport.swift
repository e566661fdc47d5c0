/// `keys status`: the configured key ids, which one is active, and how many rows each encrypts,
/// plus any key id the store uses that is not configured.
public struct KeyStatusReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var kid: String
        public var active: Bool
        /// False for a kid the store uses but the configured keys lack (its rows cannot be read).
        public var configured: Bool
        public var usage: KeyUsage
    }

    /// `PAYBATCH_KEY` or `the key file PATH`.
    public var source: String
    /// Configured keys in key-file order (active first), then unknown kids in the store, sorted.
    public var entries: [Entry]

    /// Counts rows per kid; needs no decryption.
    public static func make(store: any PaybatchStore, ring: KeyRing) async throws -> KeyStatusReport {
        let usage = try await store.keyUsage()
        var entries = ring.keys.map {
            Entry(
                kid: $0.kid, active: $0.kid == ring.active.kid, configured: true,
                usage: usage[$0.kid] ?? KeyUsage())
        }
        for kid in usage.keys.sorted() where ring.key(for: kid) == nil {
            entries.append(Entry(kid: kid, active: false, configured: false, usage: usage[kid] ?? KeyUsage()))
        }
        return KeyStatusReport(source: ring.source.description, entries: entries)
    }

    /// One line a key: `a1b2c3d4  active  3 secrets, 120 responses`.
    public var lines: [String] {
        ["Keys from \(source):"]
            + entries.map {
                let role = $0.active ? "active" : ($0.configured ? "old" : "MISSING")
                return "  \($0.kid)  \(role)  \($0.usage.secrets) secrets, \($0.usage.responses) responses"
            }
    }
}
