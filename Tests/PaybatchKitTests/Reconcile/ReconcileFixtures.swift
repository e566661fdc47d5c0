import Foundation

@testable import PaybatchKit

/// Deterministic rosters and invoices for reconciliation tests.
enum ReconcileFixtures {
    static let period = Period("2026-10")!
    static let window = BillingWindow(period: period)
    static let price = Cents(5000)

    /// A reproducible choice in `0..<count` for (seed, a, b): enough variety for these tests.
    static func pick(_ seed: UInt64, _ a: Int, _ b: Int, _ count: Int) -> Int {
        var x = (seed ^ UInt64(a) << 32 ^ UInt64(b) << 48) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return Int(x % UInt64(count))
    }

    static func time(_ text: String) -> UTCTimestamp { UTCTimestamp(iso: text)! }

    /// A roster of `companies` companies with one to three production connections each, at
    /// distinct providers, created before the period; some never give a creation time.
    static func roster(seed: UInt64, companies: Int = 12) -> [RosterConnection] {
        let providers = ["gusto", "rippling", "adp_workforce_now", "bamboo_hr"]
        var out: [RosterConnection] = []
        for c in 0..<companies {
            let count = 1 + pick(seed, c, 0, 3)
            for k in 0..<count {
                out.append(
                    RosterConnection(
                        connectionID: ConnectionID("conn-\(seed)-\(c)-\(k)"),
                        customerID: CustomerID("cust-\(c)"),
                        companyID: CompanyID("co-\(seed)-\(String(format: "%02d", c))"),
                        providerID: ProviderID(providers[k]),
                        status: pick(seed, c, k + 10, 2) == 0 ? .connected : .pending,
                        assisted: k == 1,
                        createdAt: pick(seed, c, k + 20, 2) == 0 ? time("2025-03-04T05:06:07Z") : nil))
            }
        }
        return out
    }

    /// The invoice Finch should send for `roster`: one line per company with billable connections.
    static func invoice(for roster: [RosterConnection]) -> Invoice {
        let byCompany = Dictionary(grouping: roster.filter { billable($0) }, by: { $0.companyID! })
        let lines = byCompany.keys.sorted().enumerated().map { i, company in
            let quantity = Int64(byCompany[company]!.count)
            return InvoiceLine(
                line: i + 2, companyID: company, quantity: quantity, unitPrice: price,
                amount: Cents(price.value * quantity))
        }
        return Invoice(period: period, currency: "USD", lines: lines)
    }

    static func billable(_ c: RosterConnection) -> Bool {
        window.isBillable(production: c.isProduction, addedAt: c.createdAt, disconnectedAt: c.disconnectedAt)
    }

    /// Every company's category by key.
    static func categories(_ r: Reconciliation) -> [String: ReconciliationCategory] {
        Dictionary(uniqueKeysWithValues: r.companies.map { ($0.key, $0.category) })
    }

    /// The categories other than `matched`.
    static func discrepancies(_ r: Reconciliation) -> [String: ReconciliationCategory] {
        categories(r).filter { $0.value != .matched }
    }
}
