/// Individual `gender`.
public struct Gender: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["female", "male", "other", "decline_to_specify"]
}
