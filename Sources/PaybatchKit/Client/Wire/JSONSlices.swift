import Foundation

/// Where the values of a JSON text lie, found by a strict pass over its bytes that builds no value.
/// A large answer (a pay-statement page runs to megabytes) can then be decoded one element at a
/// time: what is held is the bytes and a list of ranges, never the whole decoded tree.
///
/// Every range handed out has been checked against JSON's grammar (RFC 8259), so a text that
/// Foundation's decoder would refuse is refused here too, before any element is used.
public struct JSONSlices: Sendable {
    /// The text is not JSON; `offset` is the byte where reading stopped.
    public struct SyntaxError: Error, Equatable {
        public var offset: Int
    }

    public let bytes: Data
    /// The whole text's one value, surrounding white space excluded.
    public let root: Range<Int>
    /// Its large containers, so that walking one level does not step through the levels below.
    let extents: ContainerExtents

    /// Deeper nesting than this is refused rather than risking the stack on hostile input.
    static let maximumDepth = 512

    public init(_ bytes: Data) throws(SyntaxError) {
        // A slice of a larger Data keeps its outer indices; rebasing makes offsets start at 0.
        self.bytes = bytes.startIndex == 0 ? bytes : Data(bytes)
        (root, extents) = try Self.scan(self.bytes, extents: ContainerExtents()) {
            cursor throws(SyntaxError) in
            cursor.recording = true
            cursor.skipSpace()
            let value = try cursor.skipValue(depth: 0)
            cursor.skipSpace()
            guard cursor.atEnd else { throw SyntaxError(offset: cursor.offset) }
            cursor.extents.finish()
            return (value, cursor.extents)
        }
    }

    /// The members of the object at `range` in their order, or nil when it is not an object.
    public func members(of range: Range<Int>) -> [(key: String, value: Range<Int>)]? {
        guard bytes[range.lowerBound] == UInt8(ascii: "{") else { return nil }
        var members: [(key: String, value: Range<Int>)] = []
        walk(range) { key, value in members.append((key.map(string(at:)) ?? "", value)) }
        return members
    }

    /// The value of `key` in the object at `range`; nil when absent or not an object.
    public func member(_ key: String, of range: Range<Int>) -> Range<Int>? {
        members(of: range).flatMap { Self.value(key, in: $0) }
    }

    /// The value of `key` among an object's `members`. A key given twice answers with its first
    /// value, as Foundation's decoder does (its `JSONSerialization` keeps the last; the tests check).
    public static func value(_ key: String, in members: [(key: String, value: Range<Int>)]) -> Range<Int>? {
        members.first { $0.key == key }?.value
    }

    /// The elements of the array at `range`, or nil when it is not an array.
    public func elements(of range: Range<Int>) -> [Range<Int>]? {
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else { return nil }
        var elements: [Range<Int>] = []
        walk(range) { _, value in elements.append(value) }
        return elements
    }

    /// Visits the children of a container found by `init` (so already known to be well formed).
    private func walk(_ range: Range<Int>, _ visit: (Range<Int>?, Range<Int>) -> Void) {
        _ = try? Self.scan(bytes, from: range.lowerBound, extents: extents) { cursor throws(SyntaxError) in
            try cursor.walkContainer(depth: 0, visit)
        }
    }

    /// The value at `range` decoded as `T`, leniently: nil when it does not fit (as `Lenient`).
    public func decode<T: Decodable & Sendable>(
        _ type: T.Type, at range: Range<Int>?, with decoder: JSONDecoder = JSONDecoder()
    ) -> T? {
        guard let range else { return nil }
        return (try? decoder.decode(Lenient<T>.self, from: bytes[range]))?.wrappedValue
    }

    /// A key's text: plain keys are read directly, escaped ones through Foundation's decoder.
    private func string(at range: Range<Int>) -> String {
        let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: bytes[range])) ?? ""
    }

    private static func scan<T>(
        _ bytes: Data, from offset: Int = 0, extents: ContainerExtents,
        _ body: (inout JSONCursor) throws(SyntaxError) -> T
    ) throws(SyntaxError) -> T {
        let result: Result<T, SyntaxError> = bytes.withUnsafeBytes { buffer in
            var cursor = JSONCursor(buffer: buffer, offset: offset, extents: extents)
            do throws(SyntaxError) { return .success(try body(&cursor)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
