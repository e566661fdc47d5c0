import Foundation

/// A sink that keeps what it is given, for tests and small in-memory outputs.
public final class MemoryByteSink: ByteSink {
    public private(set) var data = Data()
    public init() {}
    public func write(_ bytes: UnsafeRawBufferPointer) throws { data.append(contentsOf: bytes) }
}
