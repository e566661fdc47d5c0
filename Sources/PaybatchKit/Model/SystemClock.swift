import Foundation

/// The real clock: `ContinuousClock`, counted from the moment this value was made.
public struct SystemClock: PaybatchClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - origin }
    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: .milliseconds(1))
    }
}
