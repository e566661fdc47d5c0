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
