/// Finch's id of one entity (an EIN, a company code) of a multi-entity connection (API.md §2).
public struct EntityID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
