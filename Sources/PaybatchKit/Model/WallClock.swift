import Foundation

/// Wall-clock time ("now" as a date), injected so that reports and stored times are reproducible.
public protocol WallClock: Sendable {
    func now() -> Date
}
