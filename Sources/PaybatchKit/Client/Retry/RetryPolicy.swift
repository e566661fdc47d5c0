import Foundation

/// When and how long to wait before trying a call again, as a pure value (SPEC §3): 6 tries a
/// call, backoff min(0.5·2ⁿ, 8) s less up to 25 % jitter, and the server's `retry-after-ms` or
/// `Retry-After` (seconds or HTTP date) honoured when it asks for at most 60 s.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var initialDelay: Duration
    public var maxDelay: Duration
    /// The largest fraction the jitter takes off a backoff delay.
    public var jitter: Double
    /// A server asking for a longer wait than this stops the run instead (SPEC §2, exit 75).
    public var maxServerDelay: Duration

    public init(
        maxAttempts: Int = 6, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
        jitter: Double = 0.25, maxServerDelay: Duration = .seconds(60)
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxServerDelay = maxServerDelay
    }

    /// The backoff after `retriesSoFar` retries, with `randomUnit` in [0, 1) drawn by the caller.
    public func backoff(retriesSoFar: Int, randomUnit: Double) -> Duration {
        let exponent = min(retriesSoFar, 16)
        let base = min(initialDelay * (1 << exponent), maxDelay)
        return base * (1 - min(max(randomUnit, 0), 1) * jitter)
    }

    /// What the server asked for, from `retry-after-ms` first, else `Retry-After` as seconds or
    /// as an HTTP date measured against `now`. Nil when absent, unreadable or not positive.
    public static func serverDelay(in response: HTTPResponse, now: Date) -> Duration? {
        if let ms = response.header("retry-after-ms").flatMap(Double.init), ms > 0 {
            return .milliseconds(Int64(ms.rounded(.up)))
        }
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        if let seconds = Double(value) {
            return seconds > 0 ? .milliseconds(Int64((seconds * 1000).rounded(.up))) : nil
        }
        guard let date = httpDate(value) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds > 0 ? .milliseconds(Int64((seconds * 1000).rounded(.up))) : nil
    }

    /// RFC 9110's preferred HTTP-date form, `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
