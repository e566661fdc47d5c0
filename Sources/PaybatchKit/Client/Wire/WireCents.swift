/// An integer amount of cents that also accepts an integral JSON float (`1234.0`), which some
/// JSON writers produce; a fractional value is refused rather than rounded.
public struct WireCents: Decodable, Sendable, Equatable {
    public var cents: Cents

    public init(_ value: Int64) { cents = Cents(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            cents = Cents(integer)
        } else if let double = try? container.decode(Double.self), double.rounded() == double,
            abs(double) < 9e15
        {
            cents = Cents(Int64(double))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not integer cents")
        }
    }
}
