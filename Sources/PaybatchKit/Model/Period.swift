import Foundation

/// A calendar month, `YYYY-MM`, whose bounds are UTC (SPEC §8).
public struct Period: Hashable, Comparable, Sendable, TextCodable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1970...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` strictly.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
            bytes[0..<4].allSatisfy({ (48...57).contains($0) }),
            bytes[5..<7].allSatisfy({ (48...57).contains($0) })
        else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)"
    }

    /// The first day, `YYYY-MM-01`.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    /// The last day of the month, leap years included.
    public var lastDay: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }
    /// The first instant after the period (UTC): the month is over from then on.
    public var endInstant: Date {
        Date(timeIntervalSince1970: Double(next.firstDay.daysSinceEpoch) * 86_400)
    }

    /// Whether the month is over at `now`.
    public func hasEnded(at now: Date) -> Bool { now >= endInstant }

    /// Whether `date` falls in this month.
    public func contains(_ date: CalendarDate) -> Bool { date.year == year && date.month == month }

    public var next: Period {
        month == 12 ? Period(year: year + 1, month: 1)! : Period(year: year, month: month + 1)!
    }
    public var previous: Period {
        month == 1 ? Period(year: year - 1, month: 12)! : Period(year: year, month: month - 1)!
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
