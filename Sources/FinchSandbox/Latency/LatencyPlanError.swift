/// A `--latency` or `--latency-per-mb` value that does not parse.
public struct LatencyPlanError: Error, CustomStringConvertible, Sendable {
    /// The option, as typed on the command line.
    public var flag: String
    public var value: String
    public var reason: String
    public var description: String { "\(flag) \(reason) (got '\(value)')" }
}
