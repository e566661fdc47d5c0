/// A person's employee deduction for one benefit as the provider has it configured (API.md §6.1):
/// a fixed amount in cents, or a percentage of the paycheck's gross pay in basis points.
public enum ConfiguredDeduction: Sendable, Hashable {
    case fixed(Cents)
    /// 100 basis points are 1 %.
    case percent(basisPoints: Int64)

    /// What a paycheck of `grossPay` should deduct: the fixed amount, or gross × rate rounded
    /// half-even to the cent (SPEC §8's rounding of money). Nil when a percentage has no gross pay
    /// to apply to, or the amount leaves the 64-bit range (money arithmetic never traps).
    public func expected(grossPay: Cents?) -> Cents? {
        switch self {
        case .fixed(let amount): return amount
        case .percent(let basisPoints):
            guard let grossPay else { return nil }
            // 128 bits hold any product of two 64-bit numbers, so nothing is lost before rounding.
            let product = Int128(grossPay.value) * Int128(basisPoints)
            var quotient = product / 10_000
            let remainder = product % 10_000
            let twice = remainder.magnitude * 2
            if twice > 10_000 || (twice == 10_000 && quotient % 2 != 0) {
                quotient += product < 0 ? -1 : 1
            }
            guard let cents = Int64(exactly: quotient) else { return nil }
            return Cents(cents)
        }
    }

    /// How far the deducted amount may be from the expected one: a fixed amount matches to the
    /// cent; a percentage, rounded by the provider its own way, within one cent.
    public var tolerance: Cents {
        switch self {
        case .fixed: .zero
        case .percent: Cents(1)
        }
    }

    /// `fixed` or `percent`, as Finch names them.
    public var typeName: String {
        switch self {
        case .fixed: "fixed"
        case .percent: "percent"
        }
    }
}
