import Foundation

/// An answer from Finch that stops the whole run (SPEC §2): unpaid invoices (69), a bad client
/// secret (78), the per-IP lock-out, a `Retry-After` over 60 s, or the retry budget spent on 429s
/// (75, saying when to retry).
public struct FinchRunStop: PaybatchFailure {
    public var failure: FinchFailure
    public var exitStatus: ExitStatus
    public var message: String
    public var remedy: String?

    public init(_ failure: FinchFailure) {
        self.failure = failure
        exitStatus = failure.failureClass.runExitStatus ?? .unavailable
        message = "Finch stopped the run: \(failure)."
        remedy = failure.failureClass.remedy
    }

    public init(_ failure: FinchFailure, retryAfter: Duration, now: Date) {
        self.failure = failure
        exitStatus = .temporary
        let seconds = Double(retryAfter.components.seconds)
        let when = ISO8601DateFormatter().string(from: now.addingTimeInterval(seconds))
        message = "Finch asks paybatch to wait \(Int(seconds)) s before calling again: \(failure)."
        remedy = "Run the same command again after \(when); it resumes where this run stopped."
    }

    /// The run was rate-limited out (SPEC §2, 75): its retry budget went on 429s, or every
    /// connection ended refused. `reason` says which; the remedy names a time to run again:
    /// five minutes on, when even the longest of Finch's rolling windows (per IP, 300 s) has
    /// rolled over.
    public init(rateLimitedOut failure: FinchFailure, reason: String, now: Date) {
        self.failure = failure
        exitStatus = .temporary
        let when = ISO8601DateFormatter().string(from: now.addingTimeInterval(Self.rateLimitRecovery))
        message = "Finch's rate limits stopped the run: \(reason). Last refusal: \(failure)."
        remedy =
            "Run the same command again after \(when); it resumes where this run stopped. If this recurs, lower --rate-scale or the [rate_limits] numbers."
    }

    /// How long after a rate-limited-out run the remedy says to wait.
    public static let rateLimitRecovery: TimeInterval = 300
}
