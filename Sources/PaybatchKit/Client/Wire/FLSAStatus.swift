/// `flsa_status`.
public struct FLSAStatus: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["exempt", "non_exempt", "unknown"]
}
