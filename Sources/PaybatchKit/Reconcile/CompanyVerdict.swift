/// Decides one company's category by SPEC §8's precedence, and says what to do about it.
struct CompanyVerdict {
    let key: String
    let companyID: CompanyID?
    let lines: [InvoiceLine]
    let connections: [ReconciledConnection]
    let unitPrice: Cents?
    let tolerance: Cents
    let currency: String?
    let window: BillingWindow

    func company() -> ReconciledCompany {
        let rostered = connections.filter(\.inRoster)
        let billable = rostered.filter(\.billable)
        let quantity = lines.reduce(0) { $0 + $1.quantity }
        let amount = lines.reduce(Cents.zero) { $0 + $1.amount }
        let expected = unitPrice.map { $0 * Int64(billable.count) }
        let (category, action, message) = verdict(
            rostered: rostered, billable: Int64(billable.count), quantity: quantity, amount: amount)
        var flags = connections.reduce(into: Set<ReconciliationFlag>()) { $0.formUnion($1.flags) }
        if lines.isEmpty { flags.remove(.reauthRequired) }
        return ReconciledCompany(
            key: key, companyID: companyID, category: category, flags: flags, billedQuantity: quantity,
            billableConnections: Int64(billable.count), billedAmount: amount, expectedAmount: expected,
            variance: expected.map { amount - $0 }, unitPrice: unitPrice, currency: currency,
            connectionIDs: connections.map(\.connectionID).sorted(),
            providers: Array(Set(connections.compactMap(\.providerID))).sorted(),
            action: action == .none && needsRosterWork(flags) ? .fixRoster : action,
            message: ([message] + advice(flags)).filter { !$0.isEmpty }.joined(separator: " "))
    }

    private func verdict(
        rostered: [ReconciledConnection], billable: Int64, quantity: Int64, amount: Cents
    ) -> (ReconciliationCategory, ReconciliationAction, String) {
        let billed = !lines.isEmpty
        let named = connections.filter(\.onInvoice).filter { $0.billedQuantity > 0 || !$0.inRoster }
        let unknown = connections.filter { !$0.inRoster && $0.billedQuantity > 0 }
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
        if billed, gone.count == rostered.count || named.contains(where: \.disconnectedBeforePeriod) {
            let estimated = gone.contains { $0.flags.contains(.disconnectTimeEstimated) }
            return (
                .billedAfterDisconnect, estimated ? .fixRoster : .dispute,
                "Billed \(quantity) (\(money(amount))) but \(disconnects(gone)) before \(window.period) began: "
                    + (estimated
                        ? "that time is paybatch's estimate (the token was found rejected); check it on Finch's Dashboard, then dispute."
                        : "dispute it with Finch, citing the disconnect time.")
            )
        }
        let sandbox = rostered.filter { !$0.production && !$0.disconnectedBeforePeriod }
        if billed, named.contains(where: { !$0.production }) || (quantity > billable && !sandbox.isEmpty) {
            return (
                .nonProductionBilled, .dispute,
                "Billed \(quantity) where \(ids(sandbox)) is \(sandbox.first?.clientType ?? "not production"): Finch bills production connections only; dispute it."
            )
        }
        if !billed, billable > 0 {
            return (
                .inRosterNotBilled, .fixRoster,
                "The roster has \(billable) billable connection(s) the invoice does not bill. If one is gone, run `paybatch roster refresh` (or `paybatch roster disconnect ID`); if all are live, expect Finch to bill them later."
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
        if let unitPrice, (amount - unitPrice * quantity).value.magnitude > tolerance.value.magnitude {
            let due = unitPrice * quantity
            return (
                .amountMismatch, .dispute,
                "Billed \(money(amount)) for \(quantity) connection(s); at \(money(unitPrice)) each that is \(money(due)), a difference of \(money(amount - due)): dispute it."
            )
        }
        return (
            .matched, .none,
            unitPrice == nil && billed ? "Quantity agrees; amounts not checked (no unit price)." : ""
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
