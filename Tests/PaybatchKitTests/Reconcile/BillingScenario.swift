import Foundation

@testable import PaybatchKit

/// A reconciliation input decoded from a list of small numbers (its "genome"), so the property
/// library's shrinking of that list — fewer numbers, smaller numbers — shrinks the scenario
/// too: a number read past the end is 0, the plainest choice everywhere.
struct BillingScenario: CustomStringConvertible {
    var period: Period
    var roster: [RosterConnection] = []
    var dashboard: [DashboardConnection] = []
    var lines: [InvoiceLine] = []
    var optionPrice: Cents?
    var tolerance = Cents(1)

    /// Reads the genome in order; past its end, zeros.
    private struct Reader {
        let genome: [Int]
        var at = 0
        mutating func next(_ choices: Int) -> Int {
            defer { at += 1 }
            return at < genome.count ? genome[at] % choices : 0
        }
    }

    /// Times around the period's bounds: exactly on a bound, a second either side, far away.
    private static func time(_ choice: Int, start: Int64, end: Int64) -> UTCTimestamp? {
        let offsets: [Int64?] = [
            nil, start - 1, start, start + 1, end - 1, end, end + 1, start - 86_400 * 400, end + 86_400 * 40,
        ]
        return offsets[choice].map { UTCTimestamp(secondsSinceEpoch: $0) }
    }

    init(genome: [Int], amounts: AmountScale = .ordinary) {
        var g = Reader(genome: genome)
        period = [Period("2026-10")!, Period("2024-02")!, Period("2026-12")!][g.next(3)]
        let start = BillingModel.firstInstant(period)
        let end = BillingModel.firstInstant(period.next)
        let providers: [ProviderID?] = [ProviderID("gusto"), ProviderID("adp"), nil, ProviderID("gusto")]
        let types: [String?] = ["production", "production", "sandbox", "development", nil, "PRODUCTION"]
        let statuses: [ConnectionStatus] = [.connected, .reauth, .pending, .rejected, .disconnected]
        var lineNumber = 2
        let price = Int64(5000)
        func amount(_ quantity: Int64, _ unit: Int64?) -> Cents {
            let base = quantity * (unit ?? price)
            switch amounts {
            case .ordinary: return Cents(base + [0, 0, 1, -1, 2, -2, 100][g.next(7)])
            case .huge: return Cents([Int64.max / 2, Int64.max, Int64.min, base, -Int64.max / 3][g.next(5)])
            }
        }
        for c in 0..<(1 + g.next(3)) {
            let company = CompanyID("co-\(c)")
            var ids: [ConnectionID] = []
            for k in 0..<(1 + g.next(4)) {
                let id = ConnectionID("c\(c)-\(k)")
                ids.append(id)
                let placement = g.next(6)  // 0-3 roster, 4 roster + Dashboard, 5 Dashboard only
                if placement <= 4 {
                    let disconnectKind = g.next(4)  // 0: none, 1: roster disconnect, 2: estimate, 3: refresh
                    roster.append(
                        RosterConnection(
                            connectionID: id, companyID: company, providerID: providers[g.next(4)],
                            clientType: types[g.next(6)], status: statuses[g.next(5)],
                            createdAt: Self.time(g.next(9), start: start, end: end),
                            disconnectedAt: disconnectKind == 0
                                ? nil : Self.time(1 + g.next(8), start: start, end: end),
                            disconnectSource: [nil, .disconnect, .refresh, .refresh][disconnectKind],
                            disconnectTimeEstimated: disconnectKind == 2))
                }
                if placement >= 4 {
                    dashboard.append(
                        DashboardConnection(
                            connectionID: id, companyID: g.next(4) == 0 ? nil : company,
                            providerID: providers[g.next(4)],
                            status: ["live", "disconnected", "staged"][g.next(3)],
                            createdAt: Self.time(g.next(9), start: start, end: end),
                            disconnectedAt: g.next(3) == 0
                                ? Self.time(1 + g.next(8), start: start, end: end) : nil))
                }
            }
            // Lines: none, one company line, lines naming some connections, or both.
            let mode = g.next(4)
            let unit: Int64? = [price, nil, 4500, price][g.next(4)]
            if mode == 1 || mode == 3 {
                let quantity = Int64(g.next(5))
                lines.append(
                    InvoiceLine(
                        line: lineNumber, companyID: company, quantity: quantity,
                        unitPrice: unit.map(Cents.init),
                        amount: amount(quantity, unit)))
                lineNumber += 1
            }
            if mode >= 2 {
                for id in ids where g.next(2) == 0 {
                    let quantity = Int64([1, 1, 0, 2][g.next(4)])
                    let lineUnit: Int64? = [unit, price, 4999, nil][g.next(4)]
                    lines.append(
                        InvoiceLine(
                            line: lineNumber, companyID: g.next(2) == 0 ? company : nil, connectionID: id,
                            quantity: quantity, unitPrice: lineUnit.map(Cents.init),
                            amount: amount(quantity, lineUnit)))
                    lineNumber += 1
                }
            }
        }
        // A connection no input knows, and an account-level line, now and then.
        if g.next(5) == 0 {
            lines.append(
                InvoiceLine(
                    line: lineNumber, connectionID: "ghost", quantity: 1, unitPrice: Cents(price),
                    amount: amount(1, price)))
            lineNumber += 1
        }
        if g.next(5) == 0 {
            let quantity = Int64(g.next(6))
            lines.append(
                InvoiceLine(
                    line: lineNumber, quantity: quantity, unitPrice: Cents(price),
                    amount: amount(quantity, price)))
            lineNumber += 1
        }
        optionPrice = [nil, nil, Cents(5000), Cents(4800)][g.next(4)]
        tolerance = Cents([1, 0, 2, 100][g.next(4)])
    }

    enum AmountScale {
        case ordinary
        case huge
    }

    var invoice: Invoice { Invoice(period: period, currency: "USD", lines: lines) }

    var model: BillingModel {
        BillingModel(
            period: period, roster: roster, dashboard: dashboard, lines: lines,
            optionPrice: optionPrice?.value,
            tolerance: tolerance.value)
    }

    func reconcile(lines shuffled: [InvoiceLine]? = nil) throws(ReconcileAmountOverflow) -> Reconciliation {
        try Reconciler(
            invoice: Invoice(period: period, currency: "USD", lines: shuffled ?? lines), roster: roster,
            dashboard: dashboard, unitPrice: optionPrice, tolerance: tolerance
        ).reconcile()
    }

    var description: String {
        var out = [
            "period \(period), --unit-price \(optionPrice?.decimalString ?? "none"), tolerance \(tolerance)"
        ]
        for r in roster {
            out.append(
                "roster \(r.connectionID) \(r.companyID?.rawValue ?? "-") \(r.providerID?.rawValue ?? "-") \(r.clientType ?? "-") \(r.status) added \(r.createdAt?.description ?? "-") disconnected \(r.disconnectedAt?.description ?? "-") \(r.disconnectSource?.rawValue ?? "") \(r.disconnectTimeEstimated ? "estimated" : "")"
            )
        }
        for d in dashboard {
            out.append(
                "dashboard \(d.connectionID) \(d.companyID?.rawValue ?? "-") \(d.providerID?.rawValue ?? "-") \(d.status ?? "-") added \(d.createdAt?.description ?? "-") disconnected \(d.disconnectedAt?.description ?? "-")"
            )
        }
        for l in lines {
            out.append(
                "line \(l.line) company \(l.companyID?.rawValue ?? "-") connection \(l.connectionID?.rawValue ?? "-") q \(l.quantity) price \(l.unitPrice?.decimalString ?? "-") amount \(l.amount)"
            )
        }
        return out.joined(separator: "\n")
    }
}
