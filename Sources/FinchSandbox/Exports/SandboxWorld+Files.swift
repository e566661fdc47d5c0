import Foundation

extension SandboxWorld {
    /// The roster CSV of every generated token (SPEC §1 `roster import`), reauth, assisted,
    /// sandbox-type and disconnected ones included.
    public func rosterCSV() -> String {
        CSVText.table(
            ["customer_id", "customer_name", "access_token", "connection_id", "provider_id", "created_at"],
            connections.map {
                [
                    $0.customerID, $0.customerName, $0.accessToken, $0.connectionID, $0.providerID,
                    SandboxEngine.iso($0.createdAt),
                ]
            })
    }

    /// A Finch Dashboard-style connections export (SPEC §5 default profile).
    public func connectionsCSV() -> String {
        CSVText.table(
            [
                "connection_id", "company_id", "provider_id", "customer_id", "status", "created_at",
                "disconnected_at",
            ],
            connections.map {
                [
                    $0.connectionID, $0.companyID, $0.providerID, $0.customerID,
                    $0.disconnectedAt == nil ? "live" : "disconnected", SandboxEngine.iso($0.createdAt),
                    $0.disconnectedAt.map(SandboxEngine.iso) ?? "",
                ]
            })
    }

    /// The invoice for `period` (nil when the period does not parse): one line per billed company.
    public func invoiceCSV(period: String) -> String? {
        guard let lines = invoiceLines(period: period) else { return nil }
        return CSVText.table(
            [
                "period", "company_id", "connection_id", "provider_id", "quantity", "unit_price", "amount",
                "currency",
                "description",
            ],
            lines.map {
                [
                    period, $0.companyID, $0.connectionID, $0.providerID, String($0.quantity),
                    SandboxWorld.decimal(SandboxWorld.unitPriceCents), SandboxWorld.decimal($0.amountCents),
                    "usd",
                    "Finch connections \(period)",
                ]
            })
    }

    static func decimal(_ cents: Int) -> String {
        (cents < 0 ? "-" : "") + String(format: "%d.%02d", abs(cents) / 100, abs(cents) % 100)
    }
}
