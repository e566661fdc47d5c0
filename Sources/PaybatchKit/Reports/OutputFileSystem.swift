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

/// The few file-system calls output needs, behind a protocol so a test can fail them (ENOSPC).
public protocol OutputFileSystem: Sendable {
    /// Creates `path` and any missing parents with `mode`; an existing folder is fine.
    func createFolder(_ path: String, mode: UInt32) throws(FileSystemError)
    /// Creates a new file (never an existing one) with `mode`, open for writing.
    func createFile(_ path: String, mode: UInt32) throws(FileSystemError) -> any OutputFileHandle
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    /// Removes a file; a missing one is not an error.
    func remove(_ path: String)
}

/// An open file being written.
public protocol OutputFileHandle: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError)
    /// Flushes to disk and closes; called once.
    func close() throws(FileSystemError)
}
