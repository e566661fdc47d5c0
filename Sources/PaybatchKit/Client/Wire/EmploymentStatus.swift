/// `employment_status`.
public struct EmploymentStatus: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "active", "deceased", "leave", "onboarding", "prehire", "retired", "terminated",
    ]
}
