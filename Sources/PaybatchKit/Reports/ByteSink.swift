import Foundation

/// Somewhere bytes go: an output file being written, or memory in tests.
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes` or throws.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}
