/// One figure of one connection against the previous month's latest completed run (SPEC §8
/// "Period over period"): people, payments, statements, and gross and net pay per currency.
public struct PeriodChange: Sendable, Equatable {
    public enum Figure: String, Sendable, CaseIterable {
        case individuals
        case payments
        case payStatements = "pay_statements"
        case grossPay = "gross_pay"
        case netPay = "net_pay"

        /// How a sentence names it.
        var words: String {
            switch self {
            case .individuals: return "people"
            case .payments: return "payments"
            case .payStatements: return "pay statements"
            case .grossPay: return "gross pay"
            case .netPay: return "net pay"
            }
        }

        /// The report it belongs to, for data_quality.csv's `report` column.
        var report: String {
            switch self {
            case .individuals: return "employees"
            case .payments, .grossPay, .netPay: return "payments"
            case .payStatements: return "pay_statements"
            }
        }

        var isMoney: Bool { self == .grossPay || self == .netPay }
    }

    public var connectionID: ConnectionID
    public var figure: Figure
    /// The currency of a money figure; nil for counts (and for payments without a currency).
    public var currency: String?
    /// Counts, or cents for money.
    public var previous: Int64
    public var current: Int64
    /// Strictly beyond the threshold; never from 0 (there is no percent from 0).
    public var isFinding: Bool

    /// One of its values as a cell: money for gross and net, an integer for counts.
    func cell(_ value: Int64?) -> Cell {
        guard let value else { return .empty }
        return figure.isMoney ? .money(Cents(value)) : .integer(value)
    }

    /// current − previous; nil only past the 64-bit range.
    public var difference: Int64? {
        let (d, overflow) = current.subtractingReportingOverflow(previous)
        return overflow ? nil : d
    }

    /// The change in percent with one decimal (`-92.0`), rounded half away from zero; nil from 0.
    public var percentText: String? {
        guard previous != 0 else { return nil }
        // Tenths of a percent, exactly: 1000 × (current − previous) / |previous|.
        let tenths = Int128(1000) * (Int128(current) - Int128(previous))
        let magnitude = Int128(previous.magnitude)
        var q = tenths.magnitude / magnitude.magnitude
        if (tenths.magnitude % magnitude.magnitude) * 2 >= magnitude.magnitude { q += 1 }
        let sign = tenths < 0 && q > 0 ? "-" : ""
        return "\(sign)\(q / 10).\(q % 10)"
    }

    /// "gross pay (USD) down 92.0 % from 2026-09: is data missing?"
    public func sentence(previousPeriod: Period) -> String {
        let name = figure.words + (currency.map { " (\($0))" } ?? "")
        guard let percent = percentText else {
            return "\(name): \(previous) in \(previousPeriod), now \(current)"
        }
        let down = current < previous
        let size = percent.hasPrefix("-") ? String(percent.dropFirst()) : percent
        return "\(name) \(down ? "down" : "up") \(size) % from \(previousPeriod)"
            + (isFinding ? (down ? ": is data missing?" : ": is something counted twice?") : "")
    }
}
