import Foundation

/// A calendar day (UTC) as a count of days since 1970-01-01; cheap to generate history with.
public struct SandboxDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var number: Int

    public init(number: Int) { self.number = number }

    /// The UTC day that contains `date`.
    public init(_ date: Date) {
        number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The day of a civil date (Howard Hinnant's days_from_civil).
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2])
        else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Year, month and day (civil_from_days).
    public var civil: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var description: String {
        let c = civil
        return c.year.zeroPadded(4) + "-" + c.month.zeroPadded(2) + "-" + c.day.zeroPadded(2)
    }

    /// Midnight UTC of this day.
    public var date: Date { Date(timeIntervalSince1970: Double(number) * 86_400) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((number % 7) + 11) % 7 }

    /// The last day of this day's month.
    public var endOfMonth: SandboxDay {
        let c = civil
        return SandboxDay(year: c.month == 12 ? c.year + 1 : c.year, month: c.month % 12 + 1, day: 1) - 1
    }

    /// The first day of this day's month.
    public var startOfMonth: SandboxDay { SandboxDay(year: civil.year, month: civil.month, day: 1) }

    public static func + (lhs: SandboxDay, rhs: Int) -> SandboxDay { SandboxDay(number: lhs.number + rhs) }
    public static func - (lhs: SandboxDay, rhs: Int) -> SandboxDay { SandboxDay(number: lhs.number - rhs) }
    public static func < (lhs: SandboxDay, rhs: SandboxDay) -> Bool { lhs.number < rhs.number }
}
