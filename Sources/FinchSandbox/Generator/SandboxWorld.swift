import Foundation

/// The generated world: companies, connections and their scenarios, all derived from the seed.
/// People, payments and statements are never stored; `PersonGenerator` and `PayrollGenerator`
/// compute them from (seed, connection, index) when a request needs them.
public struct SandboxWorld: Sendable {
    /// The seed everything derives from.
    public let seed: UInt64
    /// The anchor of generated history (`--now`, else the start time).
    public let now: Date
    /// Every generated connection, in company order.
    public let connections: [SandboxConnection]
    let hash: SeededHash

    static let names = [
        "Acme Corp", "Bäckerei Müller GmbH", "Nguyễn Logistics", "=Formula Foods", "Zoë's Café",
        "Łódź Tooling", "+Plus Staffing", "Harbor & Pine", "-Minus Labs", "@Handle Media", "北方 Trading",
        "O'Brien Builders", "Søren Design", "Élan Health", "Blue Fern", "Quarry Partners",
    ]

    /// Derives every company and connection from `options.seed`, anchored at `now`.
    public init(options: SandboxOptions, now: Date) {
        self.seed = options.seed
        self.now = now
        let hash = SeededHash(seed: options.seed)
        self.hash = hash
        var list: [SandboxConnection] = []
        let today = SandboxDay(now)
        let lastMonthStart = (today.startOfMonth - 1).startOfMonth
        let rotation = ["rippling", "paychex_flex", "gusto", "bamboo_hr", "adp_workforce_now"]
        let count = options.companies + (options.largeCompanyPeople == nil ? 0 : 1)
        for index in 0..<count {
            let isLarge = index == options.companies
            let scenario: SandboxConnection.Scenario
            let provider: String
            switch index {
            case _ where isLarge: (scenario, provider) = (.large, "gusto")
            case 0: (scenario, provider) = (.normal, "gusto")
            case 1: (scenario, provider) = (.assisted, "justworks")
            case 2: (scenario, provider) = (.reauth, "paychex_flex")
            case 3: (scenario, provider) = (.normal, "gusto")
            case 4: (scenario, provider) = (.sandboxType, "gusto")
            case 5: (scenario, provider) = (.disconnected, "bamboo_hr")
            case 6: (scenario, provider) = (.normal, "adp_workforce_now")
            case 7: (scenario, provider) = (.normal, "bamboo_hr")
            case 8: (scenario, provider) = (.multiEntity, rotation[index % rotation.count])
            default: (scenario, provider) = (.normal, rotation[index % rotation.count])
            }
            var rng = hash.random("company", String(index))
            let people =
                isLarge ? options.largeCompanyPeople! : index == 0 ? 130 : rng.int(4...36)
            let companyID = hash.uuid("company", String(index))
            let name = SandboxWorld.names[index % SandboxWorld.names.count]
            let customerID = String(format: "cust-%04d", index + 1)
            let created = now.addingTimeInterval(-Double(rng.int(760...1000)) * 86_400)
            let disconnected: Date? =
                scenario == .disconnected
                ? lastMonthStart.date.addingTimeInterval(-Double(rng.int(3...20)) * 86_400 - 3600) : nil
            let schedule: SandboxConnection.Schedule =
                isLarge || index % 3 == 1 ? .semiMonthly : .biWeekly
            let slots: [(SandboxConnection.Scenario, String, Date)] =
                index == 3
                ? [
                    (scenario, provider, created),
                    (.secondProvider, "rippling", now.addingTimeInterval(-200 * 86_400)),
                ]
                : [(scenario, provider, created)]
            for (slot, item) in slots.enumerated() {
                let key = [String(index), String(slot)]
                list.append(
                    SandboxConnection(
                        companyIndex: index, connectionID: hash.uuid(["connection"] + key),
                        companyID: companyID, customerID: customerID,
                        customerName: isLarge ? "Large Benchmark Co" : name, providerID: item.1,
                        scenario: item.0, accessToken: SandboxWorld.token(hash, key, generation: 0),
                        createdAt: item.2, disconnectedAt: disconnected,
                        baseLastSync: now.addingTimeInterval(-Double(rng.int(1...20)) * 3600 - 60),
                        people: slot == 0 ? people : max(3, people / 2), schedule: schedule))
            }
        }
        connections = list
    }

    /// A token for a connection key and reauth generation: opaque, seeded, reproducible.
    static func token(_ hash: SeededHash, _ key: [String], generation: Int) -> String {
        "sbx_" + hash.hex((["token"] + key + [String(generation)]).joined(separator: "/"))
    }

    /// The connection with `id`.
    public func connection(id: String) -> SandboxConnection? {
        connections.first { $0.connectionID == id }
    }

    /// The first day of the last complete UTC month before `now`.
    public var lastCompletePeriod: String {
        let start = (SandboxDay(now).startOfMonth - 1).startOfMonth.civil
        return String(format: "%04d-%02d", start.year, start.month)
    }
}
