/// Pay statement `payment_method`.
public struct PaymentMethod: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["check", "direct_deposit", "other"]
}
