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
