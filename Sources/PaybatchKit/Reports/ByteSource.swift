import Foundation

/// Bytes read from a file in large chunks, or from memory, with a little look-ahead.
final class ByteSource {
    private var buffer: [UInt8]
    private var index = 0
    private let handle: FileHandle?
    private let chunkSize = 1 << 16

    init(handle: FileHandle) {
        self.handle = handle
        buffer = []
    }

    init(data: Data) {
        handle = nil
        buffer = Array(data)
    }

    deinit { try? handle?.close() }

    /// The byte `offset` places ahead, or nil past the end.
    func peek(_ offset: Int) -> UInt8? {
        // A pipe may hand over fewer bytes than asked: read until the byte is there or the end.
        while index + offset >= buffer.count, refill() {}
        let i = index + offset
        return i < buffer.count ? buffer[i] : nil
    }

    func skip(_ count: Int) { index += count }

    /// Reads more; false at the end of the input.
    private func refill() -> Bool {
        guard let handle, let chunk = try? handle.read(upToCount: chunkSize), !chunk.isEmpty else {
            return false
        }
        buffer.removeFirst(index)
        index = 0
        buffer.append(contentsOf: chunk)
        return true
    }
}
