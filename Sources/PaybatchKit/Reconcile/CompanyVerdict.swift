/// Decides one company's category by SPEC §8's precedence, and says what to do about it.
struct CompanyVerdict {
    let key: String
    let companyID: CompanyID?
    let lines: [InvoiceLine]
    let connections: [ReconciledConnection]
    /// The company's expected unit price (SPEC §8 "Amounts"); nil when none is known.
    let unitPrice: Cents?
    /// `--unit-price`, which wins over every line's own.
    let optionPrice: Cents?
    let tolerance: Cents
    let currency: String?
    let window: BillingWindow

    func company() throws(ReconcileAmountOverflow) -> ReconciledCompany {
        let rostered = connections.filter(\.inRoster)
        let billable = Int64(rostered.filter(\.billable).count)
        let quantity = try CheckedMoney.quantity(lines)
        let amount = try CheckedMoney.billed(lines, "the company's billed amount")
        let expected = try unitPrice.map { price throws(ReconcileAmountOverflow) in
            try CheckedMoney.multiply(price, billable, line: priceLine, "billable connections × unit price")
        }
        let variance = try expected.map { e throws(ReconcileAmountOverflow) in
            try CheckedMoney.subtract(amount, e, line: priceLine, "billed − expected")
        }
        var flags = connections.reduce(into: Set<ReconciliationFlag>()) { $0.formUnion($1.flags) }
        if lines.isEmpty { flags.remove(.reauthRequired) }
        let (category, action, message) = try verdict(
            rostered: rostered, billable: billable, quantity: quantity, amount: amount, flags: flags)
        let customers = Dictionary(
            connections.compactMap { c in c.customerID.map { ($0, c.customerName) } },
            uniquingKeysWith: { a, b in a ?? b }
        )
        .sorted { $0.key.rawValue.utf8.lexicographicallyPrecedes($1.key.rawValue.utf8) }
        .map { ReconciledCustomer(id: $0.key, name: $0.value) }
        return ReconciledCompany(
            key: key, companyID: companyID, customers: customers, category: category, flags: flags,
            billedQuantity: quantity,
            billableConnections: billable, billedAmount: amount, expectedAmount: expected,
            variance: variance, unitPrice: unitPrice, currency: currency,
            connectionIDs: connections.map(\.connectionID).sorted(),
            providers: Array(Set(connections.compactMap(\.providerID))).sorted(),
            action: action == .none && needsRosterWork(flags) ? .fixRoster : action,
            message: ([message] + advice(flags)).filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// The line a company's unit price came from, for an overflow message (nil: `--unit-price`).
    private var priceLine: Int? { lines.filter { $0.unitPrice != nil }.map(\.line).min() }

    private func verdict(
        rostered: [ReconciledConnection], billable: Int64, quantity: Int64, amount: Cents,
        flags: Set<ReconciliationFlag>
    ) throws(ReconcileAmountOverflow) -> (ReconciliationCategory, ReconciliationAction, String) {
        let billed = !lines.isEmpty
        let namedIDs = Set(lines.compactMap(\.connectionID))
        let named = connections.filter { namedIDs.contains($0.connectionID) }
        let unknown = named.filter { !$0.inRoster }
        if billed, rostered.isEmpty || !unknown.isEmpty {
            let onDashboard = connections.filter { $0.onDashboard && !$0.inRoster && $0.billable }
            if !onDashboard.isEmpty {
                return (
                    .billedNotInRoster, .fixRoster,
                    "Billed \(quantity) for \(ids(onDashboard)), which Finch's Dashboard lists as live but the roster lacks: import its token (`paybatch roster import`), or disconnect it at Finch to stop paying for it."
                )
            }
            return (
                .billedNotInRoster, .dispute,
                "Billed \(quantity) (\(money(amount))) for \(unknown.isEmpty ? "a company" : ids(unknown)) the roster does not know: dispute it with Finch."
            )
        }
        let gone = rostered.filter(\.disconnectedBeforePeriod)
        if billed, gone.count == rostered.count {
            let estimated = gone.contains { $0.flags.contains(.disconnectTimeEstimated) }
            return (
                .billedAfterDisconnect, estimated ? .fixRoster : .dispute,
                "Billed \(quantity) (\(money(amount))) but \(disconnects(gone)) before \(window.period) began: "
                    + (estimated
                        ? "that time is paybatch's estimate (the token was found rejected); check it on Finch's Dashboard, then dispute."
                        : "dispute it with Finch, citing the disconnect time.")
            )
        }
        // Blame a non-production connection only when a line names it, or when the lines name
        // no connection and bill more than the production connections explain.
        let namedNonProduction = named.filter { $0.inRoster && !$0.production }
        let liveNonProduction = rostered.filter { !$0.production && $0.liveInPeriod }
        if billed,
            !namedNonProduction.isEmpty
                || (namedIDs.isEmpty && quantity > billable && !liveNonProduction.isEmpty)
        {
            let blamed = namedNonProduction.isEmpty ? liveNonProduction : namedNonProduction
            let types = Set(blamed.map { $0.clientType ?? "not production" }).sorted().joined(
                separator: " or ")
            return (
                .nonProductionBilled, .dispute,
                "Billed \(quantity) where \(ids(blamed)) is \(types): Finch bills production connections only; dispute it."
            )
        }
        if !billed, billable > 0 {
            return (
                .inRosterNotBilled, .fixRoster,
                "The roster has \(billable) billable connection(s) the invoice does not bill. If one is gone, run `paybatch roster refresh` (or `paybatch roster disconnect ID`); if all are live, expect Finch to bill them later."
            )
        }
        if flags.contains(.billedDisconnected) {
            let stale = connections.filter { $0.flags.contains(.billedDisconnected) }
            return (
                .quantityMismatch, .dispute,
                "Billed for \(ids(stale)), disconnected before \(window.period) began (\(disconnects(stale))), beside \(billable) billable: dispute the disconnected one with Finch."
            )
        }
        if quantity != billable {
            let extra = connections.filter { !$0.inRoster && $0.billable }
            if quantity > billable, !extra.isEmpty {
                return (
                    .quantityMismatch, .fixRoster,
                    "Billed \(quantity), the roster has \(billable) billable; Finch's Dashboard also lists \(ids(extra)) as live: import its token or disconnect it."
                )
            }
            return quantity > billable
                ? (
                    .quantityMismatch, .dispute,
                    "Billed \(quantity) connection(s), the roster has \(billable) billable: dispute the \(quantity - billable) extra with Finch."
                )
                : (
                    .quantityMismatch, .fixRoster,
                    "Billed \(quantity) connection(s), the roster counts \(billable) billable: run `paybatch roster refresh` to catch disconnected connections; if all are live, Finch under-billed."
                )
        }
        // Each line against its own price (`--unit-price` wins): SPEC §8 "Amounts".
        for line in lines.sorted(by: { $0.line < $1.line }) {
            guard let price = optionPrice ?? line.unitPrice else { continue }
            let due = try CheckedMoney.multiply(
                price, line.quantity, line: line.line, "quantity × unit price")
            if line.amount.differs(from: due, beyond: tolerance) {
                let difference = try CheckedMoney.subtract(line.amount, due, line: line.line, "amount − due")
                return (
                    .amountMismatch, .dispute,
                    "Line \(line.line) bills \(money(line.amount)) for \(line.quantity) connection(s); at \(money(price)) each that is \(money(due)), a difference of \(money(difference)): dispute it."
                )
            }
        }
        let unpriced = lines.contains { (optionPrice ?? $0.unitPrice) == nil }
        return (
            .matched, .none,
            unpriced && billed ? "Quantity agrees; amounts not checked (no unit price)." : ""
        )
    }

    private func needsRosterWork(_ flags: Set<ReconciliationFlag>) -> Bool {
        !flags.isDisjoint(with: [.reauthRequired, .duplicateConnection, .disconnectTimeEstimated])
    }

    /// What the flags ask, after the category's own message.
    private func advice(_ flags: Set<ReconciliationFlag>) -> [String] {
        var out: [String] = []
        if flags.contains(.reauthRequired) {
            let ids = connections.filter { $0.flags.contains(.reauthRequired) }.map(\.connectionID.rawValue)
            out.append(
                "Billed but unusable until the employer reauthenticates: `paybatch reauth \(ids.joined(separator: " "))`."
            )
        }
        if flags.contains(.duplicateConnection) {
            out.append(
                "Two connections at one provider: disconnect the one no longer used (`paybatch roster disconnect ID`) to stop paying twice."
            )
        }
        if flags.contains(.disconnectTimeEstimated) {
            out.append(
                "A disconnect time is paybatch's estimate (when it found the token rejected): check the real one on Finch's Dashboard, or pass its export with --connections."
            )
        }
        return out
    }

    private func ids(_ list: [ReconciledConnection]) -> String {
        guard !list.isEmpty else { return "a connection" }
        return "connection " + list.map(\.connectionID.rawValue).sorted().joined(separator: ", ")
    }

    private func disconnects(_ list: [ReconciledConnection]) -> String {
        let parts = list.map { c in
            "\(c.connectionID) was disconnected \(c.disconnectedAt.map { "at \($0)" } ?? "")"
        }
        return parts.isEmpty ? "every connection was disconnected" : parts.sorted().joined(separator: "; ")
    }

    private func money(_ cents: Cents) -> String {
        currency.map { "\(cents.decimalString) \($0)" } ?? cents.decimalString
    }
}
