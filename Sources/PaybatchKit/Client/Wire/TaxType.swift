/// Tax `type`.
public struct TaxType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["state", "federal", "local", "fica"]
}
