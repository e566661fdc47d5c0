/// Gross and net pay summed per currency: the Summary's totals of a connection, and its grand
/// total per currency (SPEC §4). Amounts in different currencies are never added together; a
/// null amount adds nothing (it is not 0), so a total no payment gave stays empty.
public struct CurrencyTotals: Sendable, Equatable {
    /// The totals of one currency.
    public struct Total: Sendable, Equatable {
        /// Upper-case ISO code; nil for payments that gave none.
        public var currency: String?
        /// nil when no payment gave the amount, or when the sum is past the 64-bit range.
        public var gross: Cents?
        public var net: Cents?
        /// The sum was past the 64-bit range (SPEC §8 `amount_out_of_range`).
        public var grossOutOfRange: Bool
        public var netOutOfRange: Bool
    }

    private struct Sums: Sendable, Equatable {
        var gross = OptionalSum()
        var net = OptionalSum()
    }

    private var sums: [String?: Sums] = [:]

    public init() {}

    /// Adds one payment's amounts to its currency's totals.
    mutating func add(currency: String?, gross: Cents?, net: Cents?) {
        sums[currency, default: Sums()].gross.add(gross)
        sums[currency, default: Sums()].net.add(net)
    }

    /// Adds every total of `other` to this one's, currency by currency.
    public mutating func merge(_ other: CurrencyTotals) {
        for (currency, other) in other.sums {
            sums[currency, default: Sums()].gross.merge(other.gross)
            sums[currency, default: Sums()].net.merge(other.net)
        }
    }

    /// One total per currency met, by code (bytewise), the payments without a currency last.
    public var byCurrency: [Total] {
        sums.sorted { Self.precedes($0.key, $1.key) }.map {
            Total(
                currency: $0.key, gross: $0.value.gross.sum, net: $0.value.net.sum,
                grossOutOfRange: $0.value.gross.isOutOfRange, netOutOfRange: $0.value.net.isOutOfRange)
        }
    }

    /// Bytewise on UTF-8 (SPEC §8 "Ordering"), nil last.
    private static func precedes(_ a: String?, _ b: String?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// No payment was added.
    public var isEmpty: Bool { sums.isEmpty }
}
