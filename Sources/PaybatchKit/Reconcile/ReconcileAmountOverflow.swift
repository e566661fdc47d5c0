/// A sum or product of the invoice's money that leaves the 64-bit range. Reconcile refuses the
/// invoice (65, naming the line where it happened) rather than trapping or rounding: money
/// arithmetic never traps (SPEC §8 "Data notes", `amount_out_of_range`).
public struct ReconcileAmountOverflow: Error, Equatable, Sendable {
    /// The invoice line whose amount, quantity or unit price took the figure out of range; nil
    /// when it came from `--unit-price` alone.
    public var line: Int?
    /// What was being computed, for the message ("the billed total", "quantity × unit price").
    public var what: String

    /// `what` at `line` in a known form: the failure a user sees (exit 65).
    public func failure(file: String) -> ReconcileInputFailure {
        ReconcileInputFailure(
            file: file, line: line,
            problem: "\(what) leaves the range paybatch counts exactly (±92,233,720,368,547,758.07)",
            remedy: line == nil
                ? "Check --unit-price against the number of connections."
                : "Check the amount, quantity and unit price on that line.")
    }
}

/// Checked money arithmetic for reconciliation: each step either fits or throws the overflow
/// with the invoice line that caused it.
enum CheckedMoney {
    static func add(
        _ a: Cents, _ b: Cents, line: Int?, _ what: String
    ) throws(ReconcileAmountOverflow) -> Cents {
        guard let sum = a.adding(b) else { throw ReconcileAmountOverflow(line: line, what: what) }
        return sum
    }

    static func subtract(
        _ a: Cents, _ b: Cents, line: Int?, _ what: String
    ) throws(ReconcileAmountOverflow) -> Cents {
        guard let difference = a.subtracting(b) else { throw ReconcileAmountOverflow(line: line, what: what) }
        return difference
    }

    static func multiply(
        _ price: Cents, _ count: Int64, line: Int?, _ what: String
    ) throws(ReconcileAmountOverflow) -> Cents {
        guard let product = price.multiplied(by: count) else {
            throw ReconcileAmountOverflow(line: line, what: what)
        }
        return product
    }

    /// The sum of the lines' amounts; the line that takes it out of range is named.
    static func billed(_ lines: [InvoiceLine], _ what: String) throws(ReconcileAmountOverflow) -> Cents {
        var total = Cents.zero
        for line in lines.sorted(by: { $0.line < $1.line }) {
            total = try add(total, line.amount, line: line.line, what)
        }
        return total
    }

    /// The lines' total quantity; the line that takes it out of range is named.
    static func quantity(_ lines: [InvoiceLine]) throws(ReconcileAmountOverflow) -> Int64 {
        var total: Int64 = 0
        for line in lines.sorted(by: { $0.line < $1.line }) {
            let (sum, overflow) = total.addingReportingOverflow(line.quantity)
            guard !overflow else {
                throw ReconcileAmountOverflow(line: line.line, what: "the billed quantity")
            }
            total = sum
        }
        return total
    }

    /// The sum of expected amounts, nil as soon as one is unknown.
    static func expected(_ amounts: [Cents?], _ what: String) throws(ReconcileAmountOverflow) -> Cents? {
        var total = Cents.zero
        for amount in amounts {
            guard let amount else { return nil }
            total = try add(total, amount, line: nil, what)
        }
        return total
    }
}
