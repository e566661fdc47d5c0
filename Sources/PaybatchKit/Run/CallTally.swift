/// A run's calls per name (`introspect` and the six buckets): first attempts, retries, and the
/// seconds spent waiting for the shared rate limiter (SPEC §8's run.json `calls`, `retries`,
/// `limiter_wait_s`).
public struct CallTally: Sendable, Equatable {
    public var calls: [String: Int]
    public var retries: [String: Int]
    public var limiterWaitSeconds: [String: Double]

    public init(calls: [String: Int], retries: [String: Int], limiterWaitSeconds: [String: Double]) {
        self.calls = calls
        self.retries = retries
        self.limiterWaitSeconds = limiterWaitSeconds
    }

    /// Nothing called (`--offline`).
    public static let none = CallTally(calls: [:], retries: [:], limiterWaitSeconds: [:])

    /// A duration in seconds to the millisecond, as run.json writes it.
    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return (Double(whole) + Double(attoseconds / 1_000_000_000_000_000) / 1000)
    }
}
