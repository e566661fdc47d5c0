import Foundation

@testable import FinchSandbox

// The sandbox's JSON as it was built before `JSONWriter` (commit 537d181): trees of `JSONValue`,
// serialized byte by byte. Kept verbatim as the reference the fast path must match byte for byte,
// for tests and resumed runs depend on byte-stable bodies. Only the names changed.

/// The old serializer, so a change to `JSONValue.write` is checked against it too.
enum ReferenceSerializer {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
        case .int(let value): out.append(contentsOf: Array(String(value).utf8))
        case .double(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                out.append(contentsOf: Array(String(Int(value)).utf8))
            } else {
                out.append(contentsOf: Array(String(value).utf8))
            }
        case .string(let value): writeString(value, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(pair.0, into: &out)
                out.append(UInt8(ascii: ":"))
                write(pair.1, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [
                    92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)],
                ])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension PayStatement {
    /// The old `PayStatement.json`.
    var referenceJSON: JSONValue {
        typealias Line = PayStatement.Line
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

/// The old `PersonJSON`.
struct ReferencePersonJSON {
    let person: Person
    let profile: ProviderProfile
    let today: SandboxDay

    private var isActive: JSONValue {
        if profile.sparseContact, person.index % 4 == 2 { return .null }
        return .bool(person.status(on: today) == "active")
    }

    private var department: JSONValue { .object([("name", .string(person.department))]) }

    private var manager: JSONValue {
        guard let id = person.managerID, !(profile.sparseContact && person.index % 5 == 1) else {
            return .null
        }
        return .object([("id", .string(id))])
    }

    /// An `IndividualInDirectory`.
    var directoryEntry: JSONValue {
        .object([
            ("id", .string(person.id)), ("first_name", .string(person.firstName)),
            ("middle_name", .string(person.middleName)), ("last_name", .string(person.lastName)),
            ("manager", manager), ("department", department), ("is_active", isActive),
        ])
    }

    /// An `Individual` body.
    var individual: JSONValue {
        let login = person.firstName.lowercased().filter(\.isASCII).filter(\.isLetter)
        var phones: [JSONValue] = [
            .object([
                ("data", .string("+1512555\(String(format: "%04d", person.index % 10_000))")),
                ("type", .string("work")),
            ])
        ]
        if profile.nullListElements, person.index % 3 == 0 { phones.append(.null) }
        var pairs: [(String, JSONValue)] = [
            ("id", .string(person.id)), ("first_name", .string(person.firstName)),
            ("middle_name", .string(person.middleName)), ("last_name", .string(person.lastName)),
            ("preferred_name", .string(person.preferredName)),
            ("dob", profile.nullMiddleNameAndDOB ? .null : .string(person.dob.description)),
            ("gender", .string(person.gender)), ("ethnicity", .null), ("phone_numbers", .array(phones)),
        ]
        if !profile.sparseContact {
            pairs.append(
                (
                    "emails",
                    .array([
                        .object([
                            (
                                "data",
                                .string("\(login.isEmpty ? "user" : login)\(person.index)@work.example")
                            ),
                            ("type", .string("work")),
                        ]),
                        .object([
                            ("data", .string("p\(person.index)@mail.example")), ("type", .string("personal")),
                        ]),
                    ])
                ))
        }
        pairs.append(("residence", location(name: nil)))
        return .object(pairs)
    }

    private func location(name: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("line1", .string("\(100 + person.index) Main St")), ("line2", .null),
            ("city", .string(person.city)),
            ("state", .string(person.state)), ("postal_code", .string("0\(7000 + person.index % 999)")),
            ("country", .string("US")),
        ]
        if let name { pairs.append(("name", .string(name))) }
        return .object(pairs)
    }

    /// An `Employment` body.
    func employment(periodsPerYear: Int) -> JSONValue {
        let income: JSONValue
        if person.hourly {
            income = incomeJSON(unit: "hourly", amount: person.rateCents)
        } else if profile.incomePerPeriod {
            income = incomeJSON(
                unit: periodsPerYear == 26 ? "bi_weekly" : "semi_monthly",
                amount: person.rateCents / periodsPerYear)
        } else {
            income = incomeJSON(unit: "yearly", amount: person.rateCents)
        }
        let status = person.status(on: today)
        return .object([
            ("id", .string(person.id)), ("first_name", .string(person.firstName)),
            ("middle_name", .string(person.middleName)), ("last_name", .string(person.lastName)),
            ("title", .string(person.title)), ("manager", manager), ("department", department),
            (
                "employment",
                .object([
                    ("type", .string(person.isContractor ? "contractor" : "employee")),
                    ("subtype", .string(person.isContractor ? "individual_contractor" : person.subtype)),
                ])
            ),
            ("employment_status", .string(status)), ("start_date", .string(person.start.description)),
            ("end_date", .string(person.end?.description)),
            ("latest_rehire_date", .string(person.rehire?.description)), ("is_active", isActive),
            ("class_code", .string(person.isContractor ? nil : "8810")),
            ("flsa_status", .string(person.hourly ? "non_exempt" : "exempt")),
            ("location", location(name: "Office")), ("income", income),
            ("income_history", .array(profile.nullListElements ? [income, .null] : [income])),
            ("custom_fields", .array([.object([("name", .string("shirt_size")), ("value", .string("M"))])])),
            ("source_id", .string(person.sourceID)),
        ])
    }

    private func incomeJSON(unit: String, amount: Int) -> JSONValue {
        .object([
            ("unit", .string(unit)), ("amount", .int(amount)), ("currency", .string("usd")),
            ("effective_date", .string((person.rehire ?? person.start).description)),
        ])
    }
}
