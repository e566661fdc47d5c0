/// A wire field that decodes to nil instead of failing: when the key is missing, the value is
/// null, or the value has another type than documented. Finch says null appears whenever a
/// provider lacks a field, and the SDKs parse loosely (API.md preamble); so does paybatch.
@propertyWrapper
public struct Lenient<Value: Decodable & Sendable>: Decodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) {
        guard let container = try? decoder.singleValueContainer(), !container.decodeNil() else {
            wrappedValue = nil
            return
        }
        wrappedValue = try? container.decode(Value.self)
    }
}

extension Lenient: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// Makes a missing key decode as nil for `@Lenient` properties, instead of `keyNotFound`.
    /// The value is decoded straight from this container (missing, null or another type: nil), not
    /// through `Lenient.init(from:)`'s nested decoder: the same answer at half the work per field,
    /// and fields are most of the work in a large export (BENCHMARKS.md).
    public func decode<Value>(_ type: Lenient<Value>.Type, forKey key: Key) throws -> Lenient<Value> {
        Lenient(wrappedValue: try? decodeIfPresent(Value.self, forKey: key))
    }
}

/// A JSON array whose elements may be null or malformed (API.md §13: `earnings[i]`,
/// `departments[i]`… can be null inside a non-null array). Each such element is kept as nil, so
/// normalization can count it as a data note instead of failing or guessing.
public struct WireList<Element: Decodable & Sendable>: Decodable, Sendable {
    public var elements: [Element?]

    public init(_ elements: [Element?]) { self.elements = elements }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var elements: [Element?] = []
        if let count = container.count { elements.reserveCapacity(count) }
        while !container.isAtEnd {
            // `Lenient` never throws, so the container always moves on to the next element.
            elements.append(try container.decode(Lenient<Element>.self).wrappedValue)
        }
        self.elements = elements
    }

    /// The elements that are present.
    public var present: [Element] { elements.compactMap { $0 } }
    /// How many elements were null or unreadable.
    public var missingCount: Int { elements.count - present.count }
}

extension WireList: Equatable where Element: Equatable {}

/// An enumeration on the wire: any string is accepted and kept as it came, and `isKnown` says
/// whether it is one of the values Finch documents (API.md §13: Finch adds values over time).
public protocol WireEnum: Decodable, Hashable, Sendable, CustomStringConvertible {
    var rawValue: String { get }
    init(rawValue: String)
    static var known: Set<String> { get }
}

extension WireEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public var isKnown: Bool { Self.known.contains(rawValue) }
    public var description: String { rawValue }
}

/// A boolean that also accepts the strings `"true"`/`"false"` (Finch's 2024 introspect example
/// sends `manual: 'false'`) and 0/1.
public struct LenientBool: Decodable, Sendable, Equatable {
    public var value: Bool

    public init(_ value: Bool) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            value = bool
        } else if let text = try? container.decode(String.self), let bool = Self(text: text) {
            self = bool
        } else if let number = try? container.decode(Int.self), let bool = Self(integer: number) {
            self = bool
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a boolean")
        }
    }

    /// `"true"` or `"false"`, in any case (`JSONFieldReader` reads strings by the same rule).
    init?(text: String) {
        switch text.lowercased() {
        case "true": value = true
        case "false": value = false
        default: return nil
        }
    }

    /// 0 or 1.
    init?(integer: Int) {
        guard integer == 0 || integer == 1 else { return nil }
        value = integer == 1
    }
}

/// An integer amount of cents that also accepts an integral JSON float (`1234.0`), which some
/// JSON writers produce; a fractional value is refused rather than rounded.
public struct WireCents: Decodable, Sendable, Equatable {
    public var cents: Cents

    public init(_ value: Int64) { cents = Cents(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            cents = Cents(integer)
        } else if let double = try? container.decode(Double.self), double.rounded() == double,
            abs(double) < 9e15
        {
            cents = Cents(Int64(double))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not integer cents")
        }
    }
}
