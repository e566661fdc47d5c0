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
