/// The property tests' own arithmetic and rules, written apart from the code under test (issue 18):
/// sums are exact by counting the times a 64-bit running sum wrapped, so a total is known to be
/// past the range, or known exactly, without any helper of the engine.
struct ExactSum: Equatable, CustomStringConvertible {
    /// The running sum modulo 2^64, as a signed value.
    private var low: Int64 = 0
    /// How many times 2^64 the true sum differs from `low`.
    private var wraps = 0
    private(set) var terms = 0

    mutating func add(_ amount: Int64) {
        let (next, overflow) = low.addingReportingOverflow(amount)
        // Adding a positive amount can only wrap upwards, a negative one downwards.
        if overflow { wraps += amount > 0 ? 1 : -1 }
        low = next
        terms += 1
    }

    /// The sum when it fits in 64 bits; nil past the range (or when nothing was added and
    /// `emptyIsZero` is false).
    func value(emptyIsZero: Bool = false) -> Int64? {
        guard terms > 0 || emptyIsZero else { return nil }
        return wraps == 0 ? low : nil
    }

    var isOutOfRange: Bool { wraps != 0 }

    var description: String { "\(wraps)·2^64 + \(low)" }

    /// `a − b` when it fits.
    static func difference(_ a: Int64, _ b: Int64) -> Int64? {
        var sum = ExactSum()
        sum.add(a)
        // −b itself may not fit (b = Int64.min): subtract in two halves that do.
        sum.add(-(b / 2))
        sum.add(-(b - b / 2))
        return sum.value()
    }

    /// SPEC §4's currency code: trimmed, upper-cased, empty counts as absent.
    static func code(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed.uppercased()
    }
}
