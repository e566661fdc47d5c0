/// One automated `data_sync_all` job (API.md §11) as the sandbox runs it: it is pending for the
/// first quarter of `--job-seconds` of sandbox time, then in progress, then ends in its
/// connection's outcome; with `--job-seconds 0` it never ends.
struct SandboxJob: Sendable {
    /// A connection's forced refreshes in one fixed hour window (API.md §9).
    struct Window: Sendable {
        var hour: Int
        var used: Int
    }

    /// Finch's examples show two refreshes a connection an hour (API.md §9).
    static let allowedPerHour = 2

    let id: String
    let connectionID: String
    let createdAt: Double
    /// `complete`, `error`, `reauth_error` or `permissions_error`.
    let outcome: String

    /// When it leaves `pending`.
    func startedAt(duration: Int) -> Double { createdAt + Double(max(duration, 1)) / 4 }

    /// When it ends; nil when it never does.
    func completedAt(duration: Int) -> Double? { duration > 0 ? createdAt + Double(duration) : nil }

    /// Its status at sandbox time `t`.
    func status(at t: Double, duration: Int) -> String {
        if t < startedAt(duration: duration) { return "pending" }
        if let end = completedAt(duration: duration), t >= end { return outcome }
        return "in_progress"
    }

    /// Whether it still runs at `t` (a new request answers 202 with its id).
    func isRunning(at t: Double, duration: Int) -> Bool {
        let status = status(at: t, duration: duration)
        return status == "pending" || status == "in_progress"
    }
}
