import Foundation

@testable import FinchSandbox

/// A clock tests move by hand; read from the server's threads too, hence `Locked` (see there).
final class ManualClock: Sendable {
    private let value: Locked<Date>
    init(_ start: Date) { value = Locked(start) }
    var now: Date { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// An engine on a fixed date with a manual clock, and short ways to call it.
struct TestSandbox {
    static let now = Date(timeIntervalSince1970: 1_794_744_000)  // 2026-11-15T12:00:00Z
    let engine: SandboxEngine
    let clock: ManualClock

    init(
        seed: UInt64 = 1, companies: Int = 12, rateScale: Double = 0, faults: FaultPlan = .none,
        latency: LatencyPlan = .none, syncAfter: Int = 1, retryAfter: Bool = true, largeCompany: Int? = nil
    ) {
        let clock = ManualClock(TestSandbox.now)
        self.clock = clock
        engine = SandboxEngine(
            options: SandboxOptions(
                seed: seed, companies: companies, now: TestSandbox.now, rateScale: rateScale, faults: faults,
                latency: latency, retryAfter: retryAfter, syncAfter: syncAfter,
                largeCompanyPeople: largeCompany,
                clientID: "test-client", clientSecret: "test-secret"),
            clock: { clock.now })
    }

    var world: SandboxWorld { engine.world }

    func connection(_ scenario: SandboxConnection.Scenario, provider: String? = nil) -> SandboxConnection {
        world.connections.first { $0.scenario == scenario && (provider == nil || $0.providerID == provider) }!
    }

    func get(_ path: String, query: String = "", token: String?, version: Bool = true) -> SandboxResponse {
        engine.handle(
            SandboxRequest(method: "GET", path: path, rawQuery: query, headers: headers(token, version)))
    }

    func post(_ path: String, json: String, token: String?, version: Bool = true) -> SandboxResponse {
        engine.handle(
            SandboxRequest(
                method: "POST", path: path, headers: headers(token, version), body: Array(json.utf8)))
    }

    private func headers(_ token: String?, _ version: Bool) -> [String: String] {
        var headers = ["Content-Type": "application/json", "Host": "127.0.0.1:1"]
        if version { headers["Finch-API-Version"] = "2020-09-17" }
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return headers
    }
}

extension SandboxResponse {
    /// The body parsed as JSON.
    var object: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
    var dictionary: [String: Any] { object as? [String: Any] ?? [:] }
}
