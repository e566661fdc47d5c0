/// An output file or folder that cannot be created or written (exit 73).
public struct OutputFailure: PaybatchFailure, Equatable {
    /// The path that failed: the final file's, not its temporary name's.
    public var path: String
    /// What went wrong, such as "No space left on device".
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(_ error: FileSystemError, path: String? = nil) {
        self.init(path: path ?? error.path, reason: "\(error.operation) failed: \(error.reason)")
    }

    public var exitStatus: ExitStatus { .cannotCreate }
    public var message: String { "Cannot write \(path): \(reason)." }
    public var remedy: String? {
        "Check that the folder exists or can be created, is writable, and that the disk has space; or choose another --out."
    }
}
