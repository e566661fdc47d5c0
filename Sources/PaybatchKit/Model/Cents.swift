/// An amount of money in Finch's integer minor units. Converting to text is exact: no floating
/// point ever touches money.
public struct Cents: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }

    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    public static let zero = Cents(0)

    // Money arithmetic never traps (SPEC §8 `amount_out_of_range`): every operation answers nil
    // when the result leaves the 64-bit range, and the caller says what that means — an export
    // leaves the total empty with a data note, reconcile refuses the invoice line.

    /// `self + other`, or nil past the 64-bit range.
    public func adding(_ other: Cents) -> Cents? {
        let (sum, overflow) = value.addingReportingOverflow(other.value)
        return overflow ? nil : Cents(sum)
    }

    /// `self − other`, or nil past the 64-bit range.
    public func subtracting(_ other: Cents) -> Cents? {
        let (difference, overflow) = value.subtractingReportingOverflow(other.value)
        return overflow ? nil : Cents(difference)
    }

    /// `self × count`, or nil past the 64-bit range.
    public func multiplied(by count: Int64) -> Cents? {
        let (product, overflow) = value.multipliedReportingOverflow(by: count)
        return overflow ? nil : Cents(product)
    }

    /// The sum of `amounts` (zero when empty), or nil when it leaves the 64-bit range — even if
    /// later terms would bring it back: a running total that cannot be written is not a total.
    public static func sum<S: Sequence>(_ amounts: S) -> Cents? where S.Element == Cents {
        var total = Cents.zero
        for amount in amounts {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }

    /// Whether `self` and `other` differ by more than `tolerance` (a difference past the 64-bit
    /// range always does).
    public func differs(from other: Cents, beyond tolerance: Cents) -> Bool {
        guard let difference = subtracting(other) else { return true }
        return difference.value.magnitude > tolerance.value.magnitude
    }

    /// Major units with two places: `123456` → `1234.56`, `-5` → `-0.05`.
    public var decimalString: String {
        let magnitude = value.magnitude
        let major = magnitude / 100
        let minor = magnitude % 100
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(major).\(minor < 10 ? "0" : "")\(minor)"
    }
    public var description: String { decimalString }

    /// For people, not files: thousands separated by commas, `123456789` → `1,234,567.89`.
    public var groupedDecimalString: String {
        let plain = decimalString
        let negative = plain.hasPrefix("-")
        let digits = Array(plain.dropFirst(negative ? 1 : 0).prefix { $0 != "." })
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + plain.suffix(3)
    }

    /// Parses a decimal amount in major units (`1234.5`, `-0.05`, `1,234.56` is refused) exactly.
    /// Returns nil for anything that is not a plain decimal with at most two places.
    public init?(decimal text: String) {
        var s = Substring(text.trimmingCharacters(in: [" "]))
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        } else if s.first == "+" {
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let majorText = parts.first, !majorText.isEmpty,
            majorText.allSatisfy({ $0.isASCII && $0.isNumber }), let major = Int64(majorText)
        else { return nil }
        var minor: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 2,
                fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int64(fraction)
            else { return nil }
            minor = fraction.count == 1 ? f * 10 : f
        }
        let (product, overflow) = major.multipliedReportingOverflow(by: 100)
        // The cents can overflow too: 92233720368547758.99 is 100 × a value that fits, plus 99.
        let (total, carried) = product.addingReportingOverflow(minor)
        guard !overflow, !carried else { return nil }
        self.value = negative ? -total : total
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
