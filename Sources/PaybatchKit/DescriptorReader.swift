import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a pipe, a file or standard input with read(2), retrying EINTR. Foundation's own readers
/// cannot be used where a signal may arrive: on Linux `readDataToEndOfFile()` and `availableData`
/// hold a `try!` (or a `fatalError`) around a read that fails with EINTR when a signal interrupts
/// it, which crashed a parallel test run; the throwing `readToEnd()` throws that EINTR instead of
/// reading on (swift-corelibs-foundation's `_readDataOfLength` has no retry).
public enum DescriptorReader {
    /// read(2) failed with something other than EINTR.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var errno: Int32
        public var reason: String { String(cString: strerror(errno)) }
        public var description: String { "read failed: \(reason)" }
    }

    /// Everything up to end of file.
    public static func readToEnd(_ handle: FileHandle) throws(ReadError) -> Data {
        var data = Data()
        while true {
            let chunk = try readAvailable(handle)
            if chunk.isEmpty { return data }
            data.append(chunk)
        }
    }

    /// What one read(2) returns (at most 64 KiB): at least one byte, waiting for it if need be,
    /// or nothing at end of file — `availableData` without its crash.
    public static func readAvailable(_ handle: FileHandle) throws(ReadError) -> Data {
        let fd = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno != EINTR { throw ReadError(errno: errno) }
        }
    }
}
