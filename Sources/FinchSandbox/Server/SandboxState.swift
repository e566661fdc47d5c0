import Foundation

/// Everything the sandbox changes while it serves; the generated world itself never changes.
struct SandboxStateValues: Sendable {
    /// A Connect session waiting for its authorize step.
    struct Session: Sendable {
        var id: String
        var customerID: String
        var customerName: String
        var redirectURI: String?
        var providerID: String?
        var sandbox: Bool
        var reauthConnectionID: String?
    }

    /// An authorization code issued by the authorize page.
    struct Code: Sendable {
        var sessionID: String
        var issuedAt: Date
        var used = false
    }

    var occurrences: [String: Int] = [:]
    var counters = SandboxCounters()
    var limiter: RateLimiter
    var sessions: [String: Session] = [:]
    var codes: [String: Code] = [:]
    /// Tokens issued at runtime (reauth or new sessions) → connection id.
    var issuedTokens: [String: String] = [:]
    /// Tokens that stopped working (replaced by a reauth exchange).
    var revokedTokens: Set<String> = []
    var statusOverrides: [String: String] = [:]
    var disconnectedAt: [String: Date] = [:]
    /// Entities removed from their connection by `POST /disconnect-entity`, per connection id.
    var disconnectedEntities: [String: Set<String>] = [:]
    var syncAdvances: [String: Int] = [:]
    var dataRequests: [String: Int] = [:]
    var paymentRequests: [String: Int] = [:]
    var dynamicConnections: [SandboxConnection] = []
    /// Automated jobs in creation order, and each connection's refreshes in its current hour.
    var jobs: [SandboxJob] = []
    var refreshWindows: [String: SandboxJob.Window] = [:]

    init(rateScale: Double) { limiter = RateLimiter(scale: rateScale) }

    /// Counts one more occurrence of `identity` and returns its number (0 for the first).
    mutating func nextOccurrence(_ identity: String) -> Int {
        let n = occurrences[identity, default: 0]
        occurrences[identity] = n + 1
        return n
    }
}

/// The lock around `SandboxStateValues`; requests are short, so one lock is enough. `Locked`, not
/// `Mutex`, so that the thread sanitizer can follow it (see `Locked`).
final class SandboxState: Sendable {
    private let values: Locked<SandboxStateValues>

    init(rateScale: Double) { values = Locked(SandboxStateValues(rateScale: rateScale)) }

    func with<T>(_ body: (inout SandboxStateValues) throws -> T) rethrows -> T {
        try values.withLock { try body(&$0) }
    }
}
