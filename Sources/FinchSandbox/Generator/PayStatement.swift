/// One generated pay statement with its lines; totals are derived from the lines, so they agree.
struct PayStatement: Sendable {
    /// A line of a statement; `nil` amount means the key is left out (API.md §13).
    struct Line: Sendable {
        enum Category: Sendable { case earning, tax, deduction, contribution }
        var category: Category
        var type: String?
        var name: String
        var amount: Int?
        var hours: Double? = nil
        var employer: Bool = false
        var preTax: Bool = false
    }

    let individualID: String
    let type: String
    let paymentMethod: String
    let totalHours: Double?
    /// Lines in provider order; a `nil` element is a null list element.
    let earnings: [Line?]
    let taxes: [Line]
    let deductions: [Line]
    let contributions: [Line]

    var gross: Int { earnings.reduce(0) { $0 + ($1?.amount ?? 0) } }
    var employeeTaxes: Int { taxes.filter { !$0.employer }.reduce(0) { $0 + ($1.amount ?? 0) } }
    var employerTaxes: Int { taxes.filter(\.employer).reduce(0) { $0 + ($1.amount ?? 0) } }
    var employeeDeductions: Int { deductions.reduce(0) { $0 + ($1.amount ?? 0) } }
    var employerContributions: Int { contributions.reduce(0) { $0 + ($1.amount ?? 0) } }
    var net: Int { gross - employeeTaxes - employeeDeductions }
    /// Lines a report would write: every non-null line.
    var lineCount: Int {
        earnings.compactMap { $0 }.count + taxes.count + deductions.count + contributions.count
    }

    /// Writes Finch's `PayStatement` JSON.
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("individual_id", individualID)
            w.field("type", type)
            w.field("payment_method", paymentMethod)
            w.field("total_hours", totalHours)
            w.money("gross_pay", gross)
            w.money("net_pay", net)
            w.array("earnings") { w in
                for line in earnings {
                    if let line { line.write(to: &w) } else { w.null() }
                }
            }
            w.array("taxes") { w in for line in taxes { line.write(to: &w) } }
            w.array("employee_deductions") { w in for line in deductions { line.write(to: &w) } }
            w.array("employer_contributions") { w in for line in contributions { line.write(to: &w) } }
        }
    }
}

extension PayStatement.Line {
    /// Writes the line as its category shapes it: which keys, in which order, and which may be left out.
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("type", type)
            w.field("name", name)
            switch category {
            case .earning:
                w.field("amount", amount)
                w.field("currency", "usd")
                w.field("hours", hours)
            case .tax:
                w.field("employer", employer)
                if let amount { w.field("amount", amount) }
                w.field("currency", "usd")
            case .deduction:
                w.field("amount", amount)
                w.field("currency", "usd")
                w.field("pre_tax", preTax)
            case .contribution:
                if let amount { w.field("amount", amount) }
                w.field("currency", "usd")
            }
        }
    }
}

extension JSONWriter {
    /// Finch's `Money`: an amount in cents and its currency.
    mutating func money(_ key: StaticString, _ cents: Int) {
        object(key) { w in
            w.field("amount", cents)
            w.field("currency", "usd")
        }
    }
}
