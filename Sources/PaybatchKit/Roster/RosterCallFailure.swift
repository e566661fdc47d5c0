/// A Finch call of a roster command that failed: names the connection (when there is one), what
/// was being done, and Finch's request id. The exit code follows SPEC §2: a refused code is bad
/// input (65), a rejected token 3, anything else — server errors, no answer — 69.
public struct RosterCallFailure: PaybatchFailure {
    public var action: String
    public var connectionID: ConnectionID?
    public var failure: FinchFailure

    public init(_ action: String, connectionID: ConnectionID? = nil, failure: FinchFailure) {
        self.action = action
        self.connectionID = connectionID
        self.failure = failure
    }

    public var exitStatus: ExitStatus {
        if failure.code == "invalid_grant" { return .dataError }
        if TokenIntrospector.rejectedCodes.contains(failure.code) { return .partial }
        return .unavailable
    }

    public var message: String {
        let subject = connectionID.map { " for connection \($0)" } ?? ""
        return "Finch refused \(action)\(subject): \(failure)."
    }

    public var remedy: String? { failure.failureClass.remedy }
}
