/// How paybatch says numbers to people (stdout, the Summary): one place, so "1 connection" and
/// "1,234.56 USD" read the same everywhere.
public enum Wording {
    /// "1 connection", "3 connections", with thousands separated: "1,204 pay statements".
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// `1234567` → `1,234,567`.
    public static func grouped(_ n: Int) -> String {
        // Cents' grouping, fed whole units: one routine for thousands.
        let text = Cents(Int64(n) * 100).groupedDecimalString
        return String(text.dropLast(3))
    }

    /// "1,234,567.89 USD"; an unknown amount is "unknown USD".
    public static func money(_ amount: Cents?, _ currency: String?) -> String {
        (amount?.groupedDecimalString ?? "unknown") + (currency.map { " \($0)" } ?? "")
    }
}
