/// Reconciles Finch's invoice against the roster (and, when given, the Dashboard export):
/// pure, values in and a `Reconciliation` out (SPEC §5 and §8).
public struct Reconciler: Sendable {
    public var invoice: Invoice
    public var roster: [RosterConnection]
    public var dashboard: [DashboardConnection]
    /// `--unit-price`: wins over the invoice's own unit_price.
    public var unitPrice: Cents?
    public var tolerance: Cents

    public init(
        invoice: Invoice, roster: [RosterConnection], dashboard: [DashboardConnection] = [],
        unitPrice: Cents? = nil, tolerance: Cents = Cents(1)
    ) {
        self.invoice = invoice
        self.roster = roster
        self.dashboard = dashboard
        self.unitPrice = unitPrice
        self.tolerance = tolerance
    }

    public func reconcile() -> Reconciliation {
        let window = BillingWindow(period: invoice.period)
        var connections = ConnectionMerger(
            window: window, roster: roster, dashboard: dashboard, invoice: invoice
        )
        .merged()
        let placed = Dictionary(
            connections.map { ($0.connectionID, $0.key) }, uniquingKeysWith: { a, _ in a })
        var linesByKey: [String: [InvoiceLine]] = [:]
        for line in invoice.lines where !line.isAccountLevel {
            let key = line.companyID?.rawValue ?? placed[line.connectionID!]!
            linesByKey[key, default: []].append(line)
        }
        let invoicePrice = Self.single(invoice.lines.compactMap(\.unitPrice))
        let connectionsByKey = Dictionary(grouping: connections.indices, by: { connections[$0].key })
        var companies: [ReconciledCompany] = []
        for key in Set(linesByKey.keys).union(connectionsByKey.keys) {
            let indices = connectionsByKey[key] ?? []
            let lines = linesByKey[key] ?? []
            let price = unitPrice ?? Self.single(lines.compactMap(\.unitPrice)) ?? invoicePrice
            CompanyFlags.mark(&connections, indices)
            // A company billed in bulk (lines without connection ids) bills its billable connections.
            if lines.contains(where: { $0.connectionID == nil }) {
                for i in indices where connections[i].billable && connections[i].inRoster {
                    connections[i].onInvoice = true
                }
            }
            let members = indices.map { connections[$0] }
            let companyID =
                lines.lazy.compactMap(\.companyID).first ?? members.lazy.compactMap(\.companyID).first
            companies.append(
                CompanyVerdict(
                    key: key, companyID: companyID, lines: lines, connections: members, unitPrice: price,
                    tolerance: tolerance, currency: invoice.currency, window: window
                ).company())
        }
        companies.sort {
            Self.bytewise(($0.companyID?.rawValue ?? "", $0.key), ($1.companyID?.rawValue ?? "", $1.key))
        }
        connections.sort {
            Self.bytewise(
                ($0.companyID?.rawValue ?? "", $0.connectionID.rawValue),
                ($1.companyID?.rawValue ?? "", $1.connectionID.rawValue))
        }
        return Reconciliation(
            period: invoice.period, currency: invoice.currency, unitPrice: unitPrice ?? invoicePrice,
            unitPriceSource: unitPrice != nil
                ? "--unit-price"
                : invoicePrice != nil ? "the invoice's unit_price" : Self.noPriceReason(invoice),
            tolerance: tolerance, companies: companies, connections: connections,
            accountTotal: accountTotal(companies: companies, price: unitPrice ?? invoicePrice),
            billedTotal: invoice.lines.reduce(.zero) { $0 + $1.amount },
            expectedTotal: companies.reduce(Cents.zero as Cents?) { sum, company in
                guard let sum else { return nil }
                return company.billableConnections == 0 ? sum : company.expectedAmount.map { sum + $0 }
            })
    }

    private func accountTotal(companies: [ReconciledCompany], price: Cents?) -> AccountTotal? {
        let lines = invoice.lines.filter(\.isAccountLevel)
        guard !lines.isEmpty else { return nil }
        let quantity = lines.reduce(0) { $0 + $1.quantity }
        let amount = lines.reduce(Cents.zero) { $0 + $1.amount }
        let billable = companies.reduce(0) { $0 + $1.billableConnections }
        let accountPrice = unitPrice ?? Self.single(lines.compactMap(\.unitPrice)) ?? price
        let expected = accountPrice.map { $0 * billable }
        let amountAgrees = expected.map { (amount - $0).value.magnitude <= tolerance.value.magnitude } ?? true
        return AccountTotal(
            lines: lines.map(\.line), billedQuantity: quantity, billedAmount: amount,
            billableConnections: billable,
            expectedAmount: expected, matched: quantity == billable && amountAgrees)
    }

    /// The one value all of `values` share; nil when there are none or they differ.
    static func single(_ values: [Cents]) -> Cents? {
        guard let first = values.first, values.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    private static func noPriceReason(_ invoice: Invoice) -> String {
        invoice.lines.contains { $0.unitPrice != nil }
            ? "none: the invoice's lines differ in unit_price and no --unit-price was given"
            : "none: the invoice has no unit_price and no --unit-price was given"
    }

    /// Bytewise UTF-8 order on (company_id, second key), as SPEC §8 sorts.
    static func bytewise(_ a: (String, String), _ b: (String, String)) -> Bool {
        if a.0 != b.0 { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
        return a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
    }
}
