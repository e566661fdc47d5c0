/// Finch's JSON for a person, shaped by the provider's pattern of gaps; written with `JSONWriter`,
/// for a directory or batch answer holds thousands of them.
struct PersonJSON {
    let person: Person
    let profile: ProviderProfile
    let today: SandboxDay

    private func isActive(_ w: inout JSONWriter) {
        if profile.sparseContact, person.index % 4 == 2 { return w.null() }
        w.bool(person.status(on: today) == "active")
    }

    private func department(_ w: inout JSONWriter) {
        w.object { w in w.field("name", person.department) }
    }

    private func manager(_ w: inout JSONWriter) {
        guard let id = person.managerID, !(profile.sparseContact && person.index % 5 == 1) else {
            return w.null()
        }
        w.object { w in w.field("id", id) }
    }

    /// The fields every body starts with.
    private func names(_ w: inout JSONWriter) {
        w.field("id", person.id)
        w.field("first_name", person.firstName)
        w.field("middle_name", person.middleName)
        w.field("last_name", person.lastName)
    }

    /// Writes an `IndividualInDirectory`.
    func writeDirectoryEntry(to w: inout JSONWriter) {
        w.object { w in
            names(&w)
            w.key("manager")
            manager(&w)
            w.key("department")
            department(&w)
            w.key("is_active")
            isActive(&w)
        }
    }

    /// Writes an `Individual` body.
    func writeIndividual(to w: inout JSONWriter) {
        w.object { w in
            names(&w)
            w.field("preferred_name", person.preferredName)
            w.field("dob", profile.nullMiddleNameAndDOB ? nil : person.dob.description)
            w.field("gender", person.gender)
            w.field("ethnicity", .null)
            w.array("phone_numbers") { w in
                w.object { w in
                    w.field("data", "+1512555" + (person.index % 10_000).zeroPadded(4))
                    w.field("type", "work")
                }
                if profile.nullListElements, person.index % 3 == 0 { w.null() }
            }
            if !profile.sparseContact {
                let login = person.firstName.lowercased().filter(\.isASCII).filter(\.isLetter)
                w.array("emails") { w in
                    w.object { w in
                        w.field("data", "\(login.isEmpty ? "user" : login)\(person.index)@work.example")
                        w.field("type", "work")
                    }
                    w.object { w in
                        w.field("data", "p\(person.index)@mail.example")
                        w.field("type", "personal")
                    }
                }
            }
            w.key("residence")
            location(&w, name: nil)
        }
    }

    private func location(_ w: inout JSONWriter, name: String?) {
        w.object { w in
            w.field("line1", "\(100 + person.index) Main St")
            w.field("line2", .null)
            w.field("city", person.city)
            w.field("state", person.state)
            w.field("postal_code", "0\(7000 + person.index % 999)")
            w.field("country", "US")
            if let name { w.field("name", name) }
        }
    }

    /// Writes an `Employment` body.
    func writeEmployment(periodsPerYear: Int, to w: inout JSONWriter) {
        let (unit, amount) =
            if person.hourly {
                ("hourly", person.rateCents)
            } else if profile.incomePerPeriod {
                (periodsPerYear == 26 ? "bi_weekly" : "semi_monthly", person.rateCents / periodsPerYear)
            } else {
                ("yearly", person.rateCents)
            }
        func income(_ w: inout JSONWriter) {
            w.object { w in
                w.field("unit", unit)
                w.field("amount", amount)
                w.field("currency", "usd")
                w.field("effective_date", (person.rehire ?? person.start).description)
            }
        }
        w.object { w in
            names(&w)
            w.field("title", person.title)
            w.key("manager")
            manager(&w)
            w.key("department")
            department(&w)
            w.object("employment") { w in
                w.field("type", person.isContractor ? "contractor" : "employee")
                w.field("subtype", person.isContractor ? "individual_contractor" : person.subtype)
            }
            w.field("employment_status", person.status(on: today))
            w.field("start_date", person.start.description)
            w.field("end_date", person.end?.description)
            w.field("latest_rehire_date", person.rehire?.description)
            w.key("is_active")
            isActive(&w)
            w.field("class_code", person.isContractor ? nil : "8810")
            w.field("flsa_status", person.hourly ? "non_exempt" : "exempt")
            w.key("location")
            location(&w, name: "Office")
            w.key("income")
            income(&w)
            w.array("income_history") { w in
                income(&w)
                if profile.nullListElements { w.null() }
            }
            w.array("custom_fields") { w in
                w.object { w in
                    w.field("name", "shirt_size")
                    w.field("value", "M")
                }
            }
            w.field("source_id", person.sourceID)
        }
    }
}
