import Crypto
import Foundation

/// Deterministic identifiers and random streams derived from the seed with SHA-256.
public struct SeededHash: Sendable {
    public let seed: UInt64
    /// What every digest starts with, made once: a large directory takes two digests per person.
    private let prefix: [UInt8]

    public init(seed: UInt64) {
        self.seed = seed
        prefix = Array("paybatch-sandbox|\(seed)".utf8)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// The SHA-256 digest of the seed and `parts`, joined unambiguously. The pieces go to the hasher
    /// in place: an array for each piece cost more than the hashing itself.
    func digest(_ parts: [String]) -> SHA256.Digest {
        var hasher = SHA256()
        prefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        for part in parts {
            var part = part
            var length = "|\(part.utf8.count):"
            length.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hasher.finalize()
    }

    /// A 64-bit number from the seed and `parts`.
    func number(_ parts: String...) -> UInt64 { number(parts) }

    func number(_ parts: [String]) -> UInt64 {
        digest(parts).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// A uniform value in [0, 1) from the seed and `parts`.
    func unit(_ parts: [String]) -> Double {
        Double(number(parts) >> 11) / Double(1 << 53)
    }

    /// A UUID-shaped lower-case identifier (version 4 layout) from the seed and `parts`.
    func uuid(_ parts: String...) -> String { uuid(parts) }

    func uuid(_ parts: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, byte) in digest(parts).prefix(16).enumerated() {
            // The version and variant bits of a random UUID.
            let byte = index == 6 ? byte & 0x0F | 0x40 : index == 8 ? byte & 0x3F | 0x80 : byte
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(SeededHash.hexDigits[Int(byte >> 4)])
            out.append(SeededHash.hexDigits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A long hexadecimal secret (tokens, client secrets) from the seed and `parts`.
    func hex(_ parts: String...) -> String {
        // By hand: String(format:) per byte dominated the cost of generating a large directory.
        String(
            decoding: digest(parts).flatMap {
                [SeededHash.hexDigits[Int($0 >> 4)], SeededHash.hexDigits[Int($0 & 15)]]
            }, as: UTF8.self)
    }

    /// A fast random stream for one generated record.
    func random(_ parts: String...) -> SeededRandom { SeededRandom(state: number(parts)) }
}

/// SplitMix64: cheap, good enough for test data, and seeded once per record from SHA-256.
struct SeededRandom: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A derived stream, so adding a draw here never shifts another record's values.
    func fork(_ salt: UInt64) -> SeededRandom {
        var copy = SeededRandom(state: state ^ (salt &* 0x9E37_79B9_7F4A_7C15))
        _ = copy.next()
        return copy
    }
}
