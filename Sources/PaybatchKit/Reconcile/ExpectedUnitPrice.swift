/// The unit price a set of invoice lines implies (SPEC §8 "Amounts"): `--unit-price` when given;
/// else the lines' `unit_price` when they agree; else their quantity-weighted mean, rounded
/// half-even to the cent. Lines without a unit price take no part; nil when none has one (or
/// every priced line bills quantity 0, which weighs nothing).
struct ExpectedUnitPrice {
    /// Where the price came from, for the Summary.
    enum Source: Equatable {
        case option
        case lines
        case weightedMean
    }

    let price: Cents
    let source: Source

    init?(option: Cents?, lines: [InvoiceLine]) {
        if let option {
            (price, source) = (option, .option)
            return
        }
        let priced = lines.filter { $0.unitPrice != nil }
        guard let first = priced.first?.unitPrice else { return nil }
        if priced.allSatisfy({ $0.unitPrice == first }) {
            (price, source) = (first, .lines)
            return
        }
        // Int128 holds Σ quantity × price exactly: each factor fits 64 bits, and an invoice has
        // far fewer than 2^63 lines.
        let weight = priced.reduce(Int128(0)) { $0 + Int128($1.quantity) }
        guard weight > 0 else { return nil }
        let total = priced.reduce(Int128(0)) { $0 + Int128($1.quantity) * Int128($1.unitPrice!.value) }
        guard let mean = Int64(exactly: Self.halfEven(total, weight)) else { return nil }
        (price, source) = (Cents(mean), .weightedMean)
    }

    /// `numerator / denominator` (denominator > 0) rounded to the nearest integer, ties to even.
    static func halfEven(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        let twice = remainder.magnitude * 2
        if twice > denominator.magnitude || (twice == denominator.magnitude && quotient % 2 != 0) {
            quotient += numerator < 0 ? -1 : 1
        }
        return quotient
    }
}
