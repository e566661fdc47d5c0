import Foundation

/// An instant in UTC to the second, written as ISO-8601 `YYYY-MM-DDTHH:MM:SSZ`.
public struct UTCTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Truncates to the whole second: the reports show seconds, never fractions.
    public init(_ date: Date) {
        self.secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by optional fractional seconds and `Z` or `±HH:MM`.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count >= 19, let date = CalendarDate(String(decoding: b[0..<10], as: UTF8.self)),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == 58, b[16] == 58,
            let h = Self.digits(b[11..<13]), let m = Self.digits(b[14..<16]), let s = Self.digits(b[17..<19]),
            h < 24, m < 60, s < 61
        else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, (48...57).contains(b[i]) { i += 1 }
        }
        var offset: Int64 = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count >= i + 6,
                let oh = Self.digits(b[(i + 1)..<(i + 3)]), let om = Self.digits(b[(i + 4)..<(i + 6)])
            {
                offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * Int64(oh * 3600 + om * 60)
                i += 6
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(h * 3600 + m * 60 + s) - offset
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for c in bytes {
            guard (48...57).contains(c) else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// Days since the epoch (floored) and the second within that day.
    var dayAndSecond: (day: Int64, second: Int64) {
        let day = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return (day, secondsSinceEpoch - day * 86_400)
    }

    public var description: String {
        let (day, second) = dayAndSecond
        // Howard Hinnant's civil_from_days.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ n: Int64, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(second / 3600, 2)):"
            + "\(pad(second / 60 % 60, 2)):\(pad(second % 60, 2))Z"
    }

    public static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
