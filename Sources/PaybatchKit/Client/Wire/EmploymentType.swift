/// `employment.type`.
public struct EmploymentType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["employee", "contractor"]
}
