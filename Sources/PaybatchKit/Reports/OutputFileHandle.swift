import Foundation

/// An open file being written.
public protocol OutputFileHandle: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError)
    /// Flushes to disk and closes; called once.
    func close() throws(FileSystemError)
}
