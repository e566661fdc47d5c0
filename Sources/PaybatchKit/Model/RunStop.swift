/// A failure built from its parts, for the many one-off stops that need no type of their own.
public struct RunStop: PaybatchFailure {
    public var exitStatus: ExitStatus
    public var message: String
    public var remedy: String?
    public init(_ exitStatus: ExitStatus, _ message: String, remedy: String? = nil) {
        self.exitStatus = exitStatus
        self.message = message
        self.remedy = remedy
    }
}
