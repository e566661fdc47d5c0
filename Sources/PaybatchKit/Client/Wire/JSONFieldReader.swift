import Foundation

/// Reads the values of a `Decodable` type's fields straight from bytes `JSONSlices` has checked,
/// with the answers `JSONDecoder` gives through `Lenient`: nil for a missing key, null, or another
/// type. The plain cases (strings without escapes, integers without fraction or exponent,
/// literals) are read here; any other leaf goes to Foundation's decoder on its own, so the two
/// readings never differ (`PayStatementReaderTests` compares them on hostile input).
struct JSONFieldReader {
    typealias SyntaxError = JSONSlices.SyntaxError

    let buffer: UnsafeRawBufferPointer
    /// Foundation's decoder, for the leaves not read here.
    let decoder: JSONDecoder
    /// The checked text's large containers (`JSONSlices.extents`), jumped over when walking.
    var extents = ContainerExtents()

    /// The first value of each of `keys` in the object at `range`: Foundation's decoder keeps the
    /// first of a repeated key (JSONSerialization keeps the last; the tests check which).
    /// Nil when the value is not an object, or when a key is not a readable string: Foundation's
    /// decoder then refuses the whole object. Throws only on a range `JSONSlices` did not check.
    func members<Key>(of range: Range<Int>, _ keys: JSONKeys<Key>) throws(SyntaxError) -> JSONMembers<Key>? {
        guard buffer[range.lowerBound] == UInt8(ascii: "{") else { return nil }
        var values = [Range<Int>?](repeating: nil, count: keys.keys.count)
        var readable = true
        var cursor = JSONCursor(buffer: buffer, offset: range.lowerBound, extents: extents)
        try cursor.walkContainer(depth: 0) { key, value in
            guard readable, let key else { return }
            switch keyIndex(key, in: keys) {
            case .known(let index): if values[index] == nil { values[index] = value }
            case .unknown: break
            case .unreadable: readable = false
            }
        }
        return readable ? JSONMembers(keys: keys, values: values) : nil
    }

    /// The elements of the array at `range`, nil when it is not an array.
    func elements(of range: Range<Int>) throws(SyntaxError) -> [Range<Int>]? {
        guard buffer[range.lowerBound] == UInt8(ascii: "[") else { return nil }
        var elements: [Range<Int>] = []
        var cursor = JSONCursor(buffer: buffer, offset: range.lowerBound, extents: extents)
        try cursor.walkContainer(depth: 0) { _, value in elements.append(value) }
        return elements
    }

    /// `WireList`: nil when not an array; each element that is null or not a readable object is
    /// kept as nil.
    func list<Element>(
        at range: Range<Int>?, _ element: (Range<Int>) throws(SyntaxError) -> Element?
    ) throws(SyntaxError) -> WireList<Element>? {
        guard let range, let ranges = try elements(of: range) else { return nil }
        var elements: [Element?] = []
        elements.reserveCapacity(ranges.count)
        for range in ranges { elements.append(try element(range)) }
        return WireList(elements)
    }

    func string(at range: Range<Int>?) -> String? {
        guard let range, buffer[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeRawBufferPointer(rebasing: buffer[(range.lowerBound + 1)..<(range.upperBound - 1)])
        var ascii = true
        for byte in inner {
            if byte == UInt8(ascii: "\\") { return foundation(String.self, at: range) }
            if byte >= 0x80 { ascii = false }
        }
        // Foundation's decoder refuses a string that is not valid UTF-8, rather than repairing it.
        return ascii ? String(decoding: inner, as: UTF8.self) : String(validating: inner, as: UTF8.self)
    }

    func cents(at range: Range<Int>?) -> WireCents? {
        guard let range else { return nil }
        switch integer(at: range) {
        case .exact(let value): return WireCents(value)
        // Beyond Int64, and so also beyond the 9e15 that an integral double may reach.
        case .outOfRange: return nil
        case .other: return isNumber(range) ? foundation(WireCents.self, at: range) : nil
        }
    }

    /// `Decimal(string:)` is what Foundation's decoder answers for a JSON number's text, down to
    /// the stored digits (checked over thousands of forms, huge and tiny exponents included).
    func decimal(at range: Range<Int>?) -> Decimal? {
        guard let range, isNumber(range) else { return nil }
        return Decimal(
            string: String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self))
    }

    func bool(at range: Range<Int>?) -> LenientBool? {
        guard let range else { return nil }
        switch buffer[range.lowerBound] {
        case UInt8(ascii: "t"): return LenientBool(true)
        case UInt8(ascii: "f"): return LenientBool(false)
        case UInt8(ascii: "\""): return string(at: range).flatMap(LenientBool.init(text:))
        case _ where isNumber(range):
            switch integer(at: range) {
            case .exact(let value): return Int(exactly: value).flatMap(LenientBool.init(integer:))
            case .outOfRange: return nil
            case .other: return foundation(LenientBool.self, at: range)
            }
        default: return nil
        }
    }

    /// One value through Foundation's decoder, as `Lenient` reads it.
    func foundation<T: Decodable>(_ type: T.Type, at range: Range<Int>) -> T? {
        try? decoder.decode(T.self, from: Data(UnsafeRawBufferPointer(rebasing: buffer[range])))
    }

    private func isNumber(_ range: Range<Int>) -> Bool {
        let first = buffer[range.lowerBound]
        return first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    }

    private enum Integer {
        case exact(Int64)
        case outOfRange
        /// Not a number, or one with a fraction or an exponent (`1.0` and `1e2` are integers to
        /// Foundation's decoder, so those are left to it).
        case other
    }

    /// A plain integer's value, `-?[0-9]+`, accumulated negatively so that Int64.min fits.
    private func integer(at range: Range<Int>) -> Integer {
        let negative = buffer[range.lowerBound] == UInt8(ascii: "-")
        let digits = (negative ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound
        guard !digits.isEmpty else { return .other }
        var value: Int64 = 0
        var overflow = false
        for index in digits {
            let digit = buffer[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .other }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times.subtractingReportingOverflow(Int64(digit))
            overflow = overflow || o1 || o2
            value = next
        }
        if overflow { return .outOfRange }
        if negative { return .exact(value) }
        return value == .min ? .outOfRange : .exact(-value)
    }

    private enum KeyMatch {
        case known(Int)
        case unknown
        case unreadable
    }

    /// Plain ASCII keys are compared as bytes; any other is made a `String` and matched the way
    /// the decoder matches it, by the key type's own `init(stringValue:)`.
    private func keyIndex<Key>(_ range: Range<Int>, in keys: JSONKeys<Key>) -> KeyMatch {
        let inner = UnsafeRawBufferPointer(rebasing: buffer[(range.lowerBound + 1)..<(range.upperBound - 1)])
        if !inner.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\\") }) {
            return keys.utf8.firstIndex { $0.elementsEqual(inner) }.map(KeyMatch.known) ?? .unknown
        }
        guard let text = string(at: range) else { return .unreadable }
        return Key(stringValue: text).flatMap(keys.keys.firstIndex(of:)).map(KeyMatch.known) ?? .unknown
    }
}

/// A `CodingKeys` type's keys, with their bytes ready for matching.
struct JSONKeys<Key: CodingKey & CaseIterable & Equatable>: Sendable {
    let keys: [Key]
    let utf8: [[UInt8]]

    init(_ type: Key.Type) {
        keys = Array(Key.allCases)
        utf8 = keys.map { Array($0.stringValue.utf8) }
    }
}

/// The value ranges of an object's known keys.
struct JSONMembers<Key: CodingKey & CaseIterable & Equatable> {
    let keys: JSONKeys<Key>
    let values: [Range<Int>?]

    subscript(key: Key) -> Range<Int>? { keys.keys.firstIndex(of: key).flatMap { values[$0] } }
}
