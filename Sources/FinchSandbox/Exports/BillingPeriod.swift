import Foundation

/// A `YYYY-MM` billing period with its UTC bounds.
public struct BillingPeriod: Sendable {
    public let text: String
    public let start: SandboxDay
    /// The first day after the period.
    public let end: SandboxDay

    /// Parses `YYYY-MM`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard text.count == 7, parts.count == 2, (1...12).contains(parts[1]) else { return nil }
        self.text = text
        start = SandboxDay(year: parts[0], month: parts[1], day: 1)
        end = start.endOfMonth + 1
    }
}
