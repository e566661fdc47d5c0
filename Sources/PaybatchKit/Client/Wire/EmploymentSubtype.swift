/// `employment.subtype`.
public struct EmploymentSubtype: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "full_time", "intern", "part_time", "temp", "seasonal", "individual_contractor",
    ]
}
