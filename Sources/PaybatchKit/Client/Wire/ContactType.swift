/// Email and phone `type`.
public struct ContactType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["work", "personal"]
    public static let work = ContactType(rawValue: "work")
    public static let personal = ContactType(rawValue: "personal")
}
