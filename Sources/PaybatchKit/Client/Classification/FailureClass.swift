/// What paybatch makes of one answer from Finch (or of no answer): a stable short code for reports
/// and run.json, whether to try again, how far it reaches, and what the user should do.
public struct FailureClass: Sendable, Equatable, Codable {
    /// Stable short code, such as `reauth_required` or `server_error`.
    public var code: String
    public var retryable: Bool
    public var scope: FailureScope
    /// The exit code when `scope` is `.run`.
    public var runExitStatus: ExitStatus?
    public var remedy: String

    public init(
        code: String, retryable: Bool, scope: FailureScope, runExitStatus: ExitStatus? = nil, remedy: String
    ) {
        self.code = code
        self.retryable = retryable
        self.scope = scope
        self.runExitStatus = runExitStatus
        self.remedy = remedy
    }
}
