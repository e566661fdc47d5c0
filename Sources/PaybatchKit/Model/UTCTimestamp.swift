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

    /// The one reader of times, for Finch's answers and for every input file (roster
    /// `created_at`, the Dashboard export, the invoice), by SPEC §8 "Timestamps in input files":
    /// `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM`, optionally `:SS` and a fraction,
    /// then optionally a zone `Z`, `z`, `±HH:MM` or `±HHMM`. A time without a zone is UTC; a bare
    /// date is midnight UTC. Anything else (`… UTC`, `+01`, `24:00`, a trailing space) is nil, so
    /// an input file is refused at import rather than read as "unknown" later.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count >= 10, let date = CalendarDate(String(decoding: b[0..<10], as: UTF8.self)) else {
            return nil
        }
        var seconds = Int64(date.daysSinceEpoch) * 86_400
        if b.count == 10 {
            secondsSinceEpoch = seconds
            return
        }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == 58,
            let h = Self.digits(b[11..<13]), let m = Self.digits(b[14..<16]), h < 24, m < 60
        else { return nil }
        seconds += Int64(h * 3600 + m * 60)
        var i = 16
        if i < b.count, b[i] == 58 {
            // A leap second (60) is read as the next instant, as Foundation's formatter does.
            guard b.count >= 19, let s = Self.digits(b[17..<19]), s < 61 else { return nil }
            seconds += Int64(s)
            i = 19
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let digitsStart = i
                while i < b.count, (48...57).contains(b[i]) { i += 1 }
                guard i > digitsStart else { return nil }
            }
        }
        if i < b.count {
            guard let offset = Self.zoneOffset(b[i...]) else { return nil }
            seconds -= offset
        }
        secondsSinceEpoch = seconds
    }

    /// `Z`, `z`, `±HH:MM` or `±HHMM` (the whole rest of the text) as seconds east of UTC.
    private static func zoneOffset(_ zone: ArraySlice<UInt8>) -> Int64? {
        let z = Array(zone)
        if z == [UInt8(ascii: "Z")] || z == [UInt8(ascii: "z")] { return 0 }
        guard let sign = z.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let minutesAt: Int
        switch z.count {
        case 6 where z[3] == 58: minutesAt = 4
        case 5: minutesAt = 3
        default: return nil
        }
        guard let h = digits(z[1..<3]), let m = digits(z[minutesAt..<(minutesAt + 2)]), h < 24, m < 60
        else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * Int64(h * 3600 + m * 60)
    }

    /// What `init?(iso:)` reads, for messages that refuse a time.
    public static let acceptedForms =
        "an ISO-8601 time like 2026-10-05T14:03:00Z, 2026-10-05 14:03 or 2026-10-05T14:03+01:00 (no zone means UTC), or a date like 2026-10-05"

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
