/// An error that stops a command: what went wrong, where, and what to do about it.
/// Everything paybatch throws to the command line conforms, so each stop has a code and a remedy.
public protocol PaybatchFailure: Error, CustomStringConvertible, Sendable {
    /// The exit code of SPEC §2 this failure maps to.
    var exitStatus: ExitStatus { get }
    /// One or more sentences: what was wrong and where (file, line, connection, request id).
    var message: String { get }
    /// What the user should do next.
    var remedy: String? { get }
}

extension PaybatchFailure {
    public var description: String {
        if let remedy { return "\(message) \(remedy)" }
        return message
    }
}
