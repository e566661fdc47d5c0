/// Reconciles Finch's invoice against the roster (and, when given, the Dashboard export):
/// pure, values in and a `Reconciliation` out (SPEC §5 and §8). Every order that reaches an
/// output is a sorted one, so the same inputs in any order give the same files.
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

    /// Throws when the invoice's money leaves the 64-bit range (reconcile exits 65 naming the line).
    public func reconcile() throws(ReconcileAmountOverflow) -> Reconciliation {
        let window = BillingWindow(period: invoice.period)
        var connections = ConnectionMerger(
            window: window, roster: roster, dashboard: dashboard, invoice: invoice
        )
        .merged()
        let placed = Dictionary(
            connections.map { ($0.connectionID, $0.key) }, uniquingKeysWith: { a, _ in a })
        var linesByKey: [String: [InvoiceLine]] = [:]
        for line in invoice.lines.sorted(by: { $0.line < $1.line }) where !line.isAccountLevel {
            let key = line.companyID?.rawValue ?? placed[line.connectionID!]!
            linesByKey[key, default: []].append(line)
        }
        let invoicePrice = ExpectedUnitPrice(option: unitPrice, lines: invoice.lines)
        let connectionsByKey = Dictionary(grouping: connections.indices, by: { connections[$0].key })
        var companies: [ReconciledCompany] = []
        for key in Set(linesByKey.keys).union(connectionsByKey.keys).sorted() {
            let indices = connectionsByKey[key] ?? []
            let lines = linesByKey[key] ?? []
            let price = ExpectedUnitPrice(option: unitPrice, lines: lines)?.price ?? invoicePrice?.price
            CompanyFlags.mark(&connections, indices, lines: lines)
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
                try CompanyVerdict(
                    key: key, companyID: companyID, lines: lines, connections: members, unitPrice: price,
                    optionPrice: unitPrice, tolerance: tolerance, currency: invoice.currency, window: window
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
        let billedTotal = try CheckedMoney.billed(invoice.lines, "the invoice's billed total")
        let expectedTotal = try Self.expected(companies)
        var categories: [ReconciliationCategory: CategoryTotal] = [:]
        for category in ReconciliationCategory.allCases {
            let rows = companies.filter { $0.category == category }
            var billed = Cents.zero
            for row in rows {
                billed = try CheckedMoney.add(
                    billed, row.billedAmount, line: nil, "the \(category.rawValue) billed total")
            }
            categories[category] = CategoryTotal(
                companies: rows.count, billed: billed, expected: try Self.expected(rows))
        }
        return Reconciliation(
            period: invoice.period, currency: invoice.currency, unitPrice: invoicePrice?.price,
            unitPriceSource: Self.priceSource(invoicePrice, invoice),
            tolerance: tolerance, companies: companies, connections: connections,
            accountTotal: try accountTotal(companies: companies, price: invoicePrice?.price),
            billedTotal: billedTotal, expectedTotal: expectedTotal,
            variance: try expectedTotal.map { e throws(ReconcileAmountOverflow) in
                try CheckedMoney.subtract(billedTotal, e, line: nil, "billed − expected")
            },
            categories: categories)
    }

    /// The sum of the companies' expected amounts; nil when one with billable connections has
    /// no known price.
    private static func expected(_ companies: [ReconciledCompany]) throws(ReconcileAmountOverflow) -> Cents? {
        try CheckedMoney.expected(
            companies.filter { $0.billableConnections > 0 }.map(\.expectedAmount), "the expected total")
    }

    private func accountTotal(
        companies: [ReconciledCompany], price: Cents?
    ) throws(ReconcileAmountOverflow) -> AccountTotal? {
        let lines = invoice.lines.filter(\.isAccountLevel).sorted { $0.line < $1.line }
        guard !lines.isEmpty else { return nil }
        let quantity = try CheckedMoney.quantity(lines)
        let amount = try CheckedMoney.billed(lines, "the account-level amount")
        let billable = companies.reduce(0) { $0 + $1.billableConnections }
        let accountPrice = ExpectedUnitPrice(option: unitPrice, lines: lines)?.price ?? price
        let expected = try accountPrice.map { p throws(ReconcileAmountOverflow) in
            try CheckedMoney.multiply(p, billable, line: lines[0].line, "billable connections × unit price")
        }
        let amountAgrees = expected.map { !amount.differs(from: $0, beyond: tolerance) } ?? true
        return AccountTotal(
            lines: lines.map(\.line), billedQuantity: quantity, billedAmount: amount,
            billableConnections: billable, expectedAmount: expected,
            variance: try expected.map { e throws(ReconcileAmountOverflow) in
                try CheckedMoney.subtract(amount, e, line: lines[0].line, "billed − expected")
            },
            matched: quantity == billable && amountAgrees)
    }

    private static func priceSource(_ price: ExpectedUnitPrice?, _ invoice: Invoice) -> String {
        switch price?.source {
        case .option: return "--unit-price"
        case .lines: return "the invoice's unit_price"
        case .weightedMean: return "the quantity-weighted mean of the invoice's unit_price (its lines differ)"
        case nil:
            return invoice.lines.contains { $0.unitPrice != nil }
                ? "none: the invoice's priced lines bill no quantity and no --unit-price was given"
                : "none: the invoice has no unit_price and no --unit-price was given"
        }
    }

    /// Bytewise UTF-8 order on (company_id, second key), as SPEC §8 sorts.
    static func bytewise(_ a: (String, String), _ b: (String, String)) -> Bool {
        if a.0 != b.0 { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
        return a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
    }
}
