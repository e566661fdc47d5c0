import Foundation

/// Finch's JSON for a person, shaped by the provider's pattern of gaps.
struct PersonJSON {
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
