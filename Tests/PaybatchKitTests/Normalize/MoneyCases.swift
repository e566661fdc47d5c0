import Foundation
import PropertyBased

/// Random payroll inputs for the money properties: amounts anywhere in Int64 (the edges often),
/// nulls, missing amounts, mixed and blank currencies, null list elements and unreadable entries.
enum MoneyCases {
    /// An amount object (`{"amount":…,"currency":…}`): the amount may be null or left out.
    struct Money: Sendable, CustomStringConvertible {
        var amount: Int64?
        var currency: String?
        var omitsAmount = false

        var members: [String] {
            var members: [String] = []
            if !omitsAmount { members.append(#""amount":\#(amount.map(String.init) ?? "null")"#) }
            if let currency { members.append(#""currency":"\#(currency)""#) }
            return members
        }
        var json: String { "{" + members.joined(separator: ",") + "}" }
        var description: String { json }
    }

    /// A line of one of a statement's four lists; `null` is a null element of the list.
    struct Line: Sendable, CustomStringConvertible {
        var null: Bool
        var money: Money
        var employer: Bool?

        var json: String {
            guard !null else { return "null" }
            var members = money.members + [#""name":"x""#]
            if let employer { members.append(#""employer":\#(employer)"#) }
            return "{" + members.joined(separator: ",") + "}"
        }
        var description: String { json }
    }

    /// A statement, or (`unreadable`) an entry of `pay_statements` that is null or not an object.
    struct Statement: Sendable, CustomStringConvertible {
        var unreadable: String?
        var gross: Money?
        var net: Money?
        var earnings: [Line]
        var taxes: [Line]
        var deductions: [Line]
        var contributions: [Line]

        var json: String {
            if let unreadable { return unreadable }
            var members = [#""individual_id":"i""#]
            if let gross { members.append(#""gross_pay":\#(gross.json)"#) }
            if let net { members.append(#""net_pay":\#(net.json)"#) }
            for (key, lines) in [
                ("earnings", earnings), ("taxes", taxes), ("employee_deductions", deductions),
                ("employer_contributions", contributions),
            ] {
                members.append(#""\#(key)":[\#(lines.map(\.json).joined(separator: ","))]"#)
            }
            return "{" + members.joined(separator: ",") + "}"
        }
        var description: String { json }
    }

    /// A payment with its statements.
    struct Payment: Sendable, CustomStringConvertible {
        var gross: Money?
        var net: Money?
        var statements: [Statement]

        var json: String {
            var members = [#""id":"p""#, #""pay_date":"2026-10-15""#]
            if let gross { members.append(#""gross_pay":\#(gross.json)"#) }
            if let net { members.append(#""net_pay":\#(net.json)"#) }
            return "{" + members.joined(separator: ",") + "}"
        }

        /// The pay-statement answer holding the statements in one page.
        var answer: String {
            #"{"responses":[{"payment_id":"p","code":200,"body":{"paging":{"offset":0},"pay_statements":["#
                + statements.map(\.json).joined(separator: ",") + "]}}]}"
        }
        var description: String { json + " " + statements.map(\.json).joined(separator: " ") }
    }

    static let edges: [Int64] = [
        .max, .min, .max - 1, .min + 1, .max / 2, .min / 2, 5_000_000_000_000_000_000,
        -5_000_000_000_000_000_000, 0, 1, -1,
    ]

    static var amount: Generator<Int64, some SendableSequenceType> {
        Gen.frequency(
            (1, Gen.int64(in: Int64.min...Int64.max)), (2, Gen.int64(in: -100_000...100_000)),
            (2, Gen<Int64?>.element(of: edges).map { $0 ?? 0 }))
    }

    static var currency: Generator<String?, some SendableSequenceType> {
        Gen<String??>.element(of: ["USD", "USD", "usd", "CAD", "", " ", nil]).map { $0 ?? nil }
    }

    static var money: Generator<Money, some SendableSequenceType> {
        zip(amount.optional(valueRate: 0.85), currency, Gen.bool(0.1)).map {
            Money(amount: $0, currency: $1, omitsAmount: $2)
        }
    }

    static var line: Generator<Line, some SendableSequenceType> {
        zip(Gen.bool(0.1), money, Gen<Bool??>.element(of: [true, false, false, nil]).map { $0 ?? nil }).map {
            Line(null: $0, money: $1, employer: $2)
        }
    }

    static var statement: Generator<Statement, some SendableSequenceType> {
        let lines = line.array(of: 0...3)
        return zip(
            Gen<String??>.element(of: [nil, nil, nil, nil, nil, nil, nil, nil, "null", "7"]).map {
                $0 ?? nil
            },
            money.optional(valueRate: 0.9), money.optional(valueRate: 0.8), lines, lines, lines, lines
        ).map {
            Statement(
                unreadable: $0, gross: $1, net: $2, earnings: $3, taxes: $4, deductions: $5, contributions: $6
            )
        }
    }

    static var payment: Generator<Payment, some SendableSequenceType> {
        zip(money.optional(valueRate: 0.9), money.optional(valueRate: 0.8), statement.array(of: 0...4)).map {
            Payment(gross: $0, net: $1, statements: $2)
        }
    }
}
