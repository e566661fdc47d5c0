import Foundation

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
