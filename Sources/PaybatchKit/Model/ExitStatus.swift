/// The exit codes of SPEC §2. The engine never exits; it returns or throws one of these and the
/// command line turns it into the process's status.
public enum ExitStatus: Int32, Sendable, CaseIterable, Codable {
    /// Complete; for `reconcile`, everything matched within tolerance.
    case ok = 0
    /// Export finished but is partial, or some tokens were rejected.
    case partial = 3
    /// `reconcile` found discrepancies.
    case discrepancies = 4
    case usage = 64
    /// Bad input data (roster, invoice, config, template); the message names file, line, column.
    case dataError = 65
    /// Finch unreachable, or answering only server errors after all retries, or blocking the account.
    case unavailable = 69
    /// A bug.
    case software = 70
    /// Cannot create an output file.
    case cannotCreate = 73
    /// Another run holds the lock, or the run was rate-limited out.
    case temporary = 75
    /// The key cannot decrypt the store.
    case noPermission = 77
    /// Configuration missing: no key, no client secret where one is needed.
    case configuration = 78
}

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
