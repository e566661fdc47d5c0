import Foundation

/// A failed system call: which one, on which path, and the errno it gave.
public struct FileSystemError: Error, Sendable, Equatable {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's text for the errno, such as "No space left on device".
    public var reason: String { String(cString: strerror(code)) }
}
