/// A boolean that also accepts the strings `"true"`/`"false"` (Finch's 2024 introspect example
/// sends `manual: 'false'`) and 0/1.
public struct LenientBool: Decodable, Sendable, Equatable {
    public var value: Bool

    public init(_ value: Bool) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            value = bool
        } else if let text = try? container.decode(String.self), let bool = Self(text: text) {
            self = bool
        } else if let number = try? container.decode(Int.self), let bool = Self(integer: number) {
            self = bool
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a boolean")
        }
    }

    /// `"true"` or `"false"`, in any case (`JSONFieldReader` reads strings by the same rule).
    init?(text: String) {
        switch text.lowercased() {
        case "true": value = true
        case "false": value = false
        default: return nil
        }
    }

    /// 0 or 1.
    init?(integer: Int) {
        guard integer == 0 || integer == 1 else { return nil }
        value = integer == 1
    }
}
