import Foundation

/// One invoice line the sandbox bills.
public struct InvoiceLine: Sendable, Equatable {
    public let companyID: String
    public let connectionID: String
    public let providerID: String
    public let quantity: Int
    public let amountCents: Int
}

extension SandboxWorld {
    /// The price per connection on every invoice line: 50.00 usd.
    public static let unitPriceCents = 5000

    /// What each company plays on the invoice, so every SPEC §5 category occurs.
    enum BillingRole { case normal, omitted, undercounted, overcharged, alwaysBilled }

    func billingRole(_ index: Int) -> BillingRole {
        switch index {
        case 3: .undercounted
        case 4, 5: .alwaysBilled
        case 6: .overcharged
        case 7: .omitted
        case _ where index >= 8 && index % 7 == 3: .omitted
        case _ where index >= 8 && index % 7 == 5: .overcharged
        default: .normal
        }
    }

    /// A company that Finch bills but that the roster never had.
    var ghostCompanyID: String { hash.uuid("company", "ghost") }

    /// Connections of each company, in company order.
    var companies: [[SandboxConnection]] {
        Dictionary(grouping: connections, by: \.companyIndex).sorted { $0.key < $1.key }.map(\.value)
    }

    /// The invoice lines for `period`, with the deliberate discrepancies.
    public func invoiceLines(period text: String) -> [InvoiceLine]? {
        guard let period = BillingPeriod(text) else { return nil }
        var lines: [InvoiceLine] = []
        for group in companies {
            let first = group[0]
            let billable = group.filter {
                $0.isBillable(periodStart: period.start.date, periodEnd: period.end.date)
            }.count
            var quantity = billable
            var extra = 0
            switch billingRole(first.companyIndex) {
            case .omitted: continue
            case .undercounted: quantity = billable >= 2 ? billable - 1 : billable + 1
            case .alwaysBilled: quantity = max(1, billable)
            case .overcharged: extra = 1234
            case .normal: break
            }
            guard quantity > 0 else { continue }
            lines.append(
                InvoiceLine(
                    companyID: first.companyID, connectionID: group.count == 1 ? first.connectionID : "",
                    providerID: group.count == 1 ? first.providerID : "", quantity: quantity,
                    amountCents: quantity * SandboxWorld.unitPriceCents + extra))
        }
        lines.append(
            InvoiceLine(
                companyID: ghostCompanyID, connectionID: hash.uuid("connection", "ghost"),
                providerID: "gusto",
                quantity: 1, amountCents: SandboxWorld.unitPriceCents))
        return lines
    }
}
