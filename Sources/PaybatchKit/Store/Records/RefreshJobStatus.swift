/// Where a forced refresh stands: Finch's job statuses (API.md §11), and paybatch's own for a
/// refresh that started no job. Unknown statuses from Finch are kept as they came.
public struct RefreshJobStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = RefreshJobStatus(rawValue: "pending")
    public static let inProgress = RefreshJobStatus(rawValue: "in_progress")
    public static let complete = RefreshJobStatus(rawValue: "complete")
    public static let error = RefreshJobStatus(rawValue: "error")
    public static let reauthError = RefreshJobStatus(rawValue: "reauth_error")
    public static let permissionsError = RefreshJobStatus(rawValue: "permissions_error")
    /// Not asked: Finch refuses forced refreshes of assisted connections.
    public static let assisted = RefreshJobStatus(rawValue: "assisted")
    /// Not started: the connection's refresh quota is spent until `retry_at`.
    public static let quotaSpent = RefreshJobStatus(rawValue: "quota_spent")
    /// The call failed (the message says how).
    public static let failed = RefreshJobStatus(rawValue: "failed")

    public var description: String { rawValue }

    /// Finch is still working on it.
    public var isRunning: Bool { self == .pending || self == .inProgress }

    /// The employer or an operator must act before a refresh can succeed.
    public var needsPerson: Bool { [.reauthError, .permissionsError, .assisted].contains(self) }
}
