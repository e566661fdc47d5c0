/// One token or connection a roster command could not handle as asked, as the user sees it:
/// where it came from (file line or connection), the token's last four characters, why, and
/// Finch's request id when there is one. Never holds the token itself.
public struct RosterProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var connectionID: ConnectionID?
    public var tokenHint: String
    public var reason: String
    public var requestID: RequestID?

    public init(
        line: Int? = nil, connectionID: ConnectionID? = nil, tokenHint: String, reason: String,
        requestID: RequestID? = nil
    ) {
        self.line = line
        self.connectionID = connectionID
        self.tokenHint = tokenHint
        self.reason = reason
        self.requestID = requestID
    }

    public var description: String {
        var subject: [String] = []
        if let line { subject.append("line \(line)") }
        if let connectionID { subject.append("connection \(connectionID)") }
        subject.append("token \(tokenHint)")
        var text = subject.joined(separator: ", ") + ": " + reason
        if let requestID, !reason.contains(requestID.rawValue) { text += " [request \(requestID)]" }
        return text
    }
}
