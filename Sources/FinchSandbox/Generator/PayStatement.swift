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

    /// Finch's `PayStatement` JSON.
    var json: JSONValue {
        func money(_ cents: Int) -> JSONValue {
            .object([("amount", .int(cents)), ("currency", .string("usd"))])
        }
        func line(_ l: Line) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("type", .string(l.type)), ("name", .string(l.name))]
            switch l.category {
            case .earning:
                pairs += [
                    ("amount", l.amount.map(JSONValue.int) ?? .null), ("currency", .string("usd")),
                    ("hours", l.hours.map(JSONValue.double) ?? .null),
                ]
            case .tax:
                pairs.append(("employer", .bool(l.employer)))
                if let amount = l.amount { pairs.append(("amount", .int(amount))) }
                pairs.append(("currency", .string("usd")))
            case .deduction:
                pairs += [("amount", l.amount.map(JSONValue.int) ?? .null), ("currency", .string("usd"))]
                pairs.append(("pre_tax", .bool(l.preTax)))
            case .contribution:
                if let amount = l.amount { pairs.append(("amount", .int(amount))) }
                pairs.append(("currency", .string("usd")))
            }
            return .object(pairs)
        }
        return .object([
            ("individual_id", .string(individualID)), ("type", .string(type)),
            ("payment_method", .string(paymentMethod)),
            ("total_hours", totalHours.map(JSONValue.double) ?? .null),
            ("gross_pay", money(gross)), ("net_pay", money(net)),
            ("earnings", .array(earnings.map { $0.map(line) ?? .null })),
            ("taxes", .array(taxes.map(line))),
            ("employee_deductions", .array(deductions.map(line))),
            ("employer_contributions", .array(contributions.map(line))),
        ])
    }
}
