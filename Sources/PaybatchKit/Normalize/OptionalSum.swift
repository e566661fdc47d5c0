/// A sum of the amounts present (SPEC §8 "Values"): nil until one is, and nil again when the sum
/// is past the 64-bit range (`isOutOfRange`; the caller notes `amount_out_of_range`).
///
/// The sum is kept exactly, so a total is empty only when it is itself past the range, whatever
/// the order of its terms: a provider's lines (−2, −(2^63 − 1), 5·10^18) and
/// (5·10^18, −2, −(2^63 − 1)) have the same total, which fits (`Cents.sum` would give up at the
/// first partial sum past the range). Exactly: the 64-bit running sum wraps around, and each wrap
/// is counted, so the true sum is `wrapped + wraps × 2^64`; it fits when no wrap is left over.
/// (`Int128` would do the same, but needs macOS 15, and the package still builds for 14.)
struct OptionalSum: Sendable, Equatable {
    /// The running sum modulo 2^64.
    private var wrapped: Int64 = 0
    /// How many times 2^64 the true sum is above `wrapped` (below, when negative).
    private var wraps = 0
    private var terms = 0

    init() {}

    mutating func add(_ amount: Cents?) {
        guard let amount else { return }
        add(amount.value, wraps: 0)
    }

    /// Adds what `other` summed.
    mutating func merge(_ other: OptionalSum) {
        guard !other.isEmpty else { return }
        add(other.wrapped, wraps: other.wraps)
        terms += other.terms - 1
    }

    private mutating func add(_ value: Int64, wraps more: Int) {
        let (next, overflow) = wrapped.addingReportingOverflow(value)
        // Adding a positive value can only wrap past Int64.max, a negative one past Int64.min.
        if overflow { wraps += value > 0 ? 1 : -1 }
        wraps += more
        wrapped = next
        terms += 1
    }

    /// Nothing was added.
    var isEmpty: Bool { terms == 0 }

    /// The total; nil when nothing was added or when it is past the 64-bit range.
    var sum: Cents? { isEmpty || wraps != 0 ? nil : Cents(wrapped) }

    /// Something was added, and the total cannot be written in 64 bits.
    var isOutOfRange: Bool { !isEmpty && wraps != 0 }
}
