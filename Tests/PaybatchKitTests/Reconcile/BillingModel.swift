import Foundation

@testable import PaybatchKit

/// An independent model of SPEC §5 and §8's billing rules, written from the SPEC's words and
/// not from `Reconciler`, `CompanyVerdict`, `ConnectionMerger`, `CompanyFlags`, `BillingWindow`
/// or `ExpectedUnitPrice` (none of which it calls). Money is exact in `Int128`, so the model also
/// says which figures leave the 64-bit range. Inputs are the plain values reconcile reads.
///
/// Readings of the SPEC where its words leave a choice (the code must agree with them):
/// - a non-production connection "the company has" (for unnamed excess) is one in the roster
///   that is live in the period (added before its end, not disconnected before its start);
/// - "an invoice line names" a connection whatever the line's quantity;
/// - a company without lines of its own is priced by the whole invoice's lines (same rule).
struct BillingModel {
    var period: Period
    var roster: [RosterConnection]
    var dashboard: [DashboardConnection]
    var lines: [InvoiceLine]
    var optionPrice: Int64?
    var tolerance: Int64

    struct Connection: Equatable {
        var key: String
        var inRoster: Bool
        var production: Bool
        var billable: Bool
        var live: Bool
        var gone: Bool
        var provider: String?
        var flags: Set<String>
    }

    struct Company: Equatable {
        var category: String
        var flags: Set<String>
        var quantity: Int128
        var billable: Int
        var billed: Int128
        var expected: Int128?
        var variance: Int128?
    }

    struct Verdict {
        var connections: [String: Connection] = [:]
        var companies: [String: Company] = [:]
        var billedTotal: Int128 = 0
        var expectedTotal: Int128?
        var accountMatched: Bool?
        /// Every figure the rules compute, exactly: one past Int64 means reconcile must refuse.
        var figures: [Int128] = []

        var outOfRange: Bool { figures.contains { $0 > Int128(Int64.max) || $0 < Int128(Int64.min) } }
    }

    /// Seconds since the epoch of a period's first instant, through Foundation's UTC calendar.
    static func firstInstant(_ period: Period) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = period.description.split(separator: "-").map { Int($0)! }
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1))!
        return Int64(date.timeIntervalSince1970)
    }

    func verdict() -> Verdict {
        let start = Self.firstInstant(period)
        let end = Self.firstInstant(period.next)
        var out = Verdict()
        let rosterByID = Dictionary(
            roster.map { ($0.connectionID.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let dashByID = Dictionary(
            dashboard.map { ($0.connectionID.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = lines.sorted { $0.line < $1.line }
        var ids = Set(rosterByID.keys).union(dashByID.keys)
        for line in ordered { if let c = line.connectionID { ids.insert(c.rawValue) } }

        for id in ids {
            let r = rosterByID[id]
            let d = dashByID[id]
            let lineCompany = ordered.first { $0.connectionID?.rawValue == id && $0.companyID != nil }?
                .companyID
            let company = r?.companyID?.rawValue ?? d?.companyID?.rawValue ?? lineCompany?.rawValue
            // Added: the Dashboard's created_at, else the roster file's; unknown = before every period.
            let added = (d?.createdAt ?? r?.createdAt)?.secondsSinceEpoch
            // Disconnected: `roster disconnect`, else the Dashboard, else paybatch's own estimate.
            var flags: Set<String> = []
            var disconnected: Int64?
            if let r, let t = r.disconnectedAt, r.disconnectSource == .disconnect, !r.disconnectTimeEstimated
            {
                disconnected = t.secondsSinceEpoch
            } else if let t = d?.disconnectedAt {
                disconnected = t.secondsSinceEpoch
            } else if let r, let t = r.disconnectedAt {
                disconnected = t.secondsSinceEpoch
                if r.disconnectTimeEstimated { flags.insert("disconnect_time_estimated") }
            } else if d?.status == "disconnected" {
                flags.insert("disconnect_time_unknown")
            }
            let known = r != nil || d != nil
            let type = r?.clientType?.lowercased()
            let production = type == nil || type == "production"
            let gone = disconnected.map { $0 < start } ?? false
            let live = known && (added.map { $0 < end } ?? true) && !gone
            let billable = live && production
            if r == nil { flags.insert("not_in_roster") }
            if r?.status == .reauth && billable { flags.insert("reauth_required") }
            out.connections[id] = Connection(
                key: company ?? "connection:\(id)", inRoster: r != nil, production: production,
                billable: billable, live: live, gone: gone,
                provider: r?.providerID?.rawValue ?? d?.providerID?.rawValue
                    ?? ordered.first { $0.connectionID?.rawValue == id && $0.providerID != nil }?.providerID?
                    .rawValue,
                flags: flags)
        }

        var linesByKey: [String: [InvoiceLine]] = [:]
        for line in ordered where line.companyID != nil || line.connectionID != nil {
            let key = line.companyID?.rawValue ?? out.connections[line.connectionID!.rawValue]!.key
            linesByKey[key, default: []].append(line)
        }
        let invoicePrice = price(of: ordered)
        let keys = Set(out.connections.values.map(\.key)).union(linesByKey.keys)
        for key in keys {
            let members = out.connections.filter { $0.value.key == key }.keys.sorted()
            let companyLines = linesByKey[key] ?? []
            let named = Set(companyLines.compactMap { $0.connectionID?.rawValue })
            // Flags.
            let live = members.filter { out.connections[$0]!.live && out.connections[$0]!.provider != nil }
            if Set(live.map { out.connections[$0]!.provider! }).count >= 2 {
                for m in live { out.connections[m]!.flags.insert("multi_provider") }
            }
            let billableAt = Dictionary(grouping: live.filter { out.connections[$0]!.billable }) {
                out.connections[$0]!.provider!
            }
            for (_, group) in billableAt where group.count >= 2 {
                for m in group { out.connections[m]!.flags.insert("duplicate_connection") }
            }
            let rostered = members.filter { out.connections[$0]!.inRoster }
            let billable = rostered.filter { out.connections[$0]!.billable }.count
            for m in rostered where billable > 0 && named.contains(m) && out.connections[m]!.gone {
                out.connections[m]!.flags.insert("billed_disconnected")
            }
            var flags = members.reduce(into: Set<String>()) { $0.formUnion(out.connections[$1]!.flags) }
            if companyLines.isEmpty { flags.remove("reauth_required") }

            var quantity: Int128 = 0
            var billed: Int128 = 0
            for line in companyLines {
                quantity += Int128(line.quantity)
                billed += Int128(line.amount.value)
                out.figures += [quantity, billed]
            }
            let unitPrice = price(of: companyLines) ?? invoicePrice
            let expected = unitPrice.map { $0 * Int128(billable) }
            let variance = expected.map { billed - $0 }
            out.figures += [expected, variance].compactMap { $0 }

            // The category: SPEC §8's precedence, first that applies wins.
            let isBilled = !companyLines.isEmpty
            let category: String
            if isBilled && (rostered.isEmpty || named.contains { !(out.connections[$0]?.inRoster ?? false) })
            {
                category = "billed_not_in_roster"
            } else if isBilled && rostered.allSatisfy({ out.connections[$0]!.gone }) {
                category = "billed_after_disconnect"
            } else if isBilled
                && (named.contains { out.connections[$0]!.inRoster && !out.connections[$0]!.production }
                    || (named.isEmpty && quantity > Int128(billable)
                        && rostered.contains { !out.connections[$0]!.production && out.connections[$0]!.live }))
            {
                category = "non_production_billed"
            } else if !isBilled && billable > 0 {
                category = "in_roster_not_billed"
            } else if flags.contains("billed_disconnected") || quantity != Int128(billable) {
                category = "quantity_mismatch"
            } else if companyLines.contains(where: { lineOff($0, &out.figures) }) {
                category = "amount_mismatch"
            } else {
                category = "matched"
            }
            out.companies[key] = Company(
                category: category, flags: flags, quantity: quantity, billable: billable, billed: billed,
                expected: expected, variance: variance)
        }

        var running: Int128 = 0
        for line in ordered {
            running += Int128(line.amount.value)
            out.figures.append(running)
        }
        out.billedTotal = running
        // Per-category and expected totals, summed in the reports' company order (company_id,
        // bytewise, a connection-only key counting as an empty company_id).
        let sortKey = { (key: String) in (key.hasPrefix("connection:") ? "" : key, key) }
        let reportOrder = out.companies.keys.sorted {
            let (a, b) = (sortKey($0), sortKey($1))
            return a.0 != b.0
                ? a.0.utf8.lexicographicallyPrecedes(b.0.utf8) : a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
        }
        var byCategory: [String: Int128] = [:]
        var expectedRunning: Int128 = 0
        for key in reportOrder {
            let company = out.companies[key]!
            byCategory[company.category, default: 0] += company.billed
            out.figures.append(byCategory[company.category]!)
            if company.billable > 0, let e = company.expected {
                expectedRunning += e
                out.figures.append(expectedRunning)
            }
        }
        let pricedTotals = out.companies.values.filter { $0.billable > 0 }.map(\.expected)
        out.expectedTotal = pricedTotals.contains { $0 == nil } ? nil : pricedTotals.reduce(0) { $0 + $1! }
        if let e = out.expectedTotal { out.figures += [e, running - e] }
        let account = ordered.filter { $0.companyID == nil && $0.connectionID == nil }
        if !account.isEmpty {
            let quantity = account.reduce(Int128(0)) { $0 + Int128($1.quantity) }
            let amount = account.reduce(Int128(0)) { $0 + Int128($1.amount.value) }
            let billable = out.companies.values.reduce(0) { $0 + $1.billable }
            let expected = (price(of: account) ?? invoicePrice).map { $0 * Int128(billable) }
            out.figures += [quantity, amount] + [expected, expected.map { amount - $0 }].compactMap { $0 }
            let agrees = expected.map { abs(amount - $0) <= Int128(tolerance) } ?? true
            out.accountMatched = quantity == Int128(billable) && agrees
        }
        return out
    }

    /// A line's amount against quantity × its unit price (`--unit-price` wins), beyond tolerance.
    private func lineOff(_ line: InvoiceLine, _ figures: inout [Int128]) -> Bool {
        guard let p = optionPrice ?? line.unitPrice?.value else { return false }
        let due = Int128(line.quantity) * Int128(p)
        figures += [due, Int128(line.amount.value) - due]
        return abs(Int128(line.amount.value) - due) > Int128(tolerance)
    }

    /// SPEC §8 "Amounts": `--unit-price`; else the lines' price when they agree; else their
    /// quantity-weighted mean, rounded half-even to the cent.
    private func price(of lines: [InvoiceLine]) -> Int128? {
        if let optionPrice { return Int128(optionPrice) }
        let priced = lines.filter { $0.unitPrice != nil }
        let prices = Set(priced.map { $0.unitPrice!.value })
        if prices.count == 1 { return Int128(prices.first!) }
        guard prices.count > 1 else { return nil }
        let weight = priced.reduce(Int128(0)) { $0 + Int128($1.quantity) }
        guard weight > 0 else { return nil }
        let total = priced.reduce(Int128(0)) { $0 + Int128($1.quantity) * Int128($1.unitPrice!.value) }
        // Half-even by comparing twice the remainder with the weight, on magnitudes.
        let magnitude = total.magnitude
        var q = magnitude / weight.magnitude
        let r = magnitude % weight.magnitude
        if 2 * r > weight.magnitude || (2 * r == weight.magnitude && q % 2 == 1) { q += 1 }
        let rounded = Int128(q)
        let mean = total < 0 ? -rounded : rounded
        return Int128(Int64.min)...Int128(Int64.max) ~= mean ? mean : nil
    }
}
