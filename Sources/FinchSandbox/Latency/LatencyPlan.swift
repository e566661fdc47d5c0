import Foundation

/// How long the sandbox takes to answer, from `--latency MEAN_MS[:JITTER_MS]` and
/// `--latency-per-mb MS`. Real Finch answers in hundreds of milliseconds to seconds, loopback in
/// one: without this, a client's overlap of waiting and working cannot be measured offline.
public struct LatencyPlan: Sendable, Equatable {
    /// What `--latency` and `--latency-per-mb` expect, for their error messages.
    static let latencyForm = "MEAN_MS[:JITTER_MS], milliseconds, e.g. 150 or 150:50"
    static let perMegabyteForm = "MS, milliseconds per megabyte of answer body, e.g. 20"

    /// The mean delay of an answer, in milliseconds.
    public var meanMilliseconds: Double
    /// The delay is uniform in mean ± jitter; never more than the mean, so it is never negative.
    public var jitterMilliseconds: Double
    /// Extra delay per megabyte (10⁶ bytes, as BENCHMARKS.md counts them) of answer body: a large
    /// answer takes longer to build and to send.
    public var perMegabyteMilliseconds: Double

    /// A plan from its three numbers, in milliseconds.
    public init(
        meanMilliseconds: Double = 0, jitterMilliseconds: Double = 0, perMegabyteMilliseconds: Double = 0
    ) {
        self.meanMilliseconds = meanMilliseconds
        self.jitterMilliseconds = jitterMilliseconds
        self.perMegabyteMilliseconds = perMegabyteMilliseconds
    }

    /// Answers as soon as they are built.
    public static let none = LatencyPlan()

    /// Parses `--latency` (nil: not given) and `--latency-per-mb` (nil: not given); throws a
    /// message naming the flag and the form it expects.
    public init(latency: String?, perMegabyte: String?) throws(LatencyPlanError) {
        self.init()
        if let latency {
            let parts = latency.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let mean = LatencyPlan.milliseconds(parts[0]),
                let jitter = parts.count > 1 ? LatencyPlan.milliseconds(parts[1]) : 0
            else {
                throw LatencyPlanError(
                    flag: "--latency", value: latency, reason: "takes \(LatencyPlan.latencyForm)")
            }
            guard jitter <= mean else {
                throw LatencyPlanError(
                    flag: "--latency", value: latency,
                    reason: "JITTER_MS must not exceed MEAN_MS (a delay is never negative); form: "
                        + LatencyPlan.latencyForm)
            }
            meanMilliseconds = mean
            jitterMilliseconds = jitter
        }
        if let perMegabyte {
            guard let ms = LatencyPlan.milliseconds(Substring(perMegabyte)) else {
                throw LatencyPlanError(
                    flag: "--latency-per-mb", value: perMegabyte,
                    reason: "takes \(LatencyPlan.perMegabyteForm)")
            }
            perMegabyteMilliseconds = ms
        }
    }

    /// Whether every answer leaves at once.
    public var isNone: Bool { meanMilliseconds == 0 && perMegabyteMilliseconds == 0 }

    /// The delay of an answer of `bodyBytes` bytes for a uniform draw `u` in [0, 1): the mean
    /// moved by up to the jitter either way, plus the body's share.
    public func delay(forDraw u: Double, bodyBytes: Int) -> Duration {
        let ms =
            meanMilliseconds + (2 * u - 1) * jitterMilliseconds
            + perMegabyteMilliseconds * Double(bodyBytes) / 1_000_000
        return .microseconds(Int64((max(ms, 0) * 1000).rounded()))
    }

    /// A finite number of milliseconds, zero or more; nil for anything else (`-5`, `nan`, ``).
    private static func milliseconds(_ text: Substring) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}
