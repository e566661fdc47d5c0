/// One typed value of a report row. `empty` is null or missing: an empty cell, never `null` or `0`.
public enum Cell: Sendable, Hashable {
    case empty
    case text(String)
    case money(Cents)
    case date(CalendarDate)
    case datetime(UTCTimestamp)
    case integer(Int64)
    /// An exact decimal as text, such as `42.5` hours; never passed through floating point in CSV.
    case decimal(String)
    /// A percentage in tenths of a percent: `125` is `12.5`.
    case percent(tenths: Int64)
    case boolean(Bool)

    /// `part` as a percentage of `whole`, rounded half up to one decimal; empty when `whole` is 0.
    public static func percent(_ part: Int64, of whole: Int64) -> Cell {
        guard whole > 0, part >= 0 else { return .empty }
        return .percent(tenths: (part * 2000 + whole) / (2 * whole))
    }

    /// Text, or empty for nil.
    public init(_ value: String?) { self = value.map(Cell.text) ?? .empty }
    /// An identifier as text, or empty for nil.
    public init(_ value: (some StringIdentifier)?) { self = value.map { .text($0.rawValue) } ?? .empty }
    /// Money, or empty for nil.
    public init(_ value: Cents?) { self = value.map(Cell.money) ?? .empty }
    /// A date, or empty for nil.
    public init(_ value: CalendarDate?) { self = value.map(Cell.date) ?? .empty }
    /// A datetime, or empty for nil.
    public init(_ value: UTCTimestamp?) { self = value.map(Cell.datetime) ?? .empty }
    /// A whole number, or empty for nil.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .empty }
    /// A boolean, or empty for nil.
    public init(_ value: Bool?) { self = value.map(Cell.boolean) ?? .empty }

    /// The value as CSV writes it (before quoting and the injection guard).
    public var plainText: String {
        switch self {
        case .empty: return ""
        case .text(let s), .decimal(let s): return s
        case .money(let c): return c.decimalString
        case .date(let d): return d.description
        case .datetime(let t): return t.description
        case .integer(let n): return String(n)
        case .percent(let tenths):
            let sign = tenths < 0 ? "-" : ""
            return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
        case .boolean(let b): return b ? "true" : "false"
        }
    }
}
