import Foundation

/// Reads an amount as invoices and spreadsheets write it, exactly. The accepted forms (documented
/// in Templates/invoice/README.md): `1234.5`, `1234.50`, `-12.00`, `1,234.50` (commas only
/// between groups of three digits), a `$`, `€` or `£` before the digits (`$1,234.50`,
/// `-$5.00`), and a negative written with a leading minus (`-5.00`) or in accountants'
/// parentheses (`(5.00)`) — one sign, so `(-5.00)`, `+-5` and `--5` are refused. More than two decimals are accepted only
/// when the extra ones are zeros: a fraction of a cent is refused, never rounded.
public enum InvoiceAmount {
    /// Why `text` is not an amount, for a message that also says what is accepted.
    public static let expectedForm = "write amounts like 1234.50, 1,234.50 or $1,234.50, at most two decimals"

    /// The amount in cents, or nil when `text` is not one of the accepted forms.
    public static func parse(_ text: String) -> Cents? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        // One sign at most: accountants' parentheses, or a leading `-` or `+` — never both and
        // never two (`(-5.00)` and `+-5` are refused, not guessed).
        var negative = false
        if s.first == "(", s.last == ")" {
            negative = true
            s = s.dropFirst().dropLast()
        } else if let sign = s.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            s = s.dropFirst()
        }
        if let symbol = s.first, "$€£".contains(symbol) { s = s.dropFirst() }
        guard let lead = s.first, lead.isASCII, lead.isNumber else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, var whole = parts.first, !whole.isEmpty else { return nil }
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            whole = Substring(groups.joined())
        }
        var fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2, fraction.isEmpty { return nil }
        while fraction.count > 2, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let plain = (negative ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + String(fraction))
        return Cents(decimal: plain)
    }
}
