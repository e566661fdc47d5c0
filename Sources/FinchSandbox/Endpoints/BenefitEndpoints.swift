import Foundation

extension SandboxEngine {
    /// The benefit tiers of the 401k match, in basis points (API.md §6.1): 100 % of the first 3 %,
    /// 50 % of the next 2 %.
    static let matchTiers: JSONValue = .array([
        .object([("match", .int(10_000)), ("threshold", .int(300))]),
        .object([("match", .int(5000)), ("threshold", .int(500))]),
    ])

    /// `GET /employer/benefits`: a bare array of `CompanyBenefit`.
    func benefits(_ access: ConnectionAccess) -> SandboxResponse {
        guard access.connection.hasBenefits else { return FinchError.productNotGranted }
        let plan = BenefitPlan(hash: hash, connection: access.connection)
        return .json(
            200,
            .array(
                plan.benefits.map { benefit in
                    .object([
                        ("benefit_id", .string(benefit.id)), ("type", .string(benefit.type)),
                        ("description", .string(benefit.description)),
                        ("frequency", .string(benefit.frequency)),
                        (
                            "company_contribution",
                            benefit.tieredMatch
                                ? .object([("type", .string("match")), ("tiers", Self.matchTiers)]) : .null
                        ),
                    ])
                }))
    }

    /// `GET /employer/benefits/{benefit_id}/individuals`: without `individual_ids`, every person
    /// enrolled; with them, those people (an item 404 for one not enrolled).
    func benefitIndividuals(_ request: SandboxRequest, _ access: ConnectionAccess) -> SandboxResponse {
        guard access.connection.hasBenefits else { return FinchError.productNotGranted }
        let plan = BenefitPlan(hash: hash, connection: access.connection)
        let id = request.path.dropFirst("/employer/benefits/".count).dropLast("/individuals".count)
        guard let benefit = plan.benefits.first(where: { $0.id == id }) else {
            return FinchError.body(404, "not_found_error", "benefit_not_found", "Benefit not found")
        }
        let (people, payroll) = generators(access)
        let wanted = request.queryValue("individual_ids").map {
            Set($0.split(separator: ",").map(String.init))
        }
        var items: [JSONValue] = []
        var enrolled: Set<String> = []
        for index in 0..<payroll.peopleCount {
            let person = people.person(index)
            guard wanted?.contains(person.id) ?? true, let deduction = plan.deduction(benefit, for: person)
            else {
                continue
            }
            enrolled.insert(person.id)
            let retirement = benefit.type == "401k"
            items.append(
                .object([
                    ("individual_id", .string(person.id)), ("code", .int(200)),
                    (
                        "body",
                        .object([
                            (
                                "employee_deduction",
                                .object([
                                    ("type", .string(deduction.type)), ("amount", .int(deduction.amount)),
                                ])
                            ),
                            (
                                "company_contribution",
                                retirement
                                    ? .object([("type", .string("tiered")), ("tiers", Self.matchTiers)])
                                    : .null
                            ),
                            ("annual_maximum", retirement ? .int(2_300_000) : .null),
                            ("catch_up", retirement ? .bool(person.index % 4 == 0) : .null),
                            ("hsa_contribution_limit", .null),
                        ])
                    ),
                ]))
        }
        for id in (wanted ?? []).subtracting(enrolled).sorted() {
            items.append(
                .object([
                    ("individual_id", .string(id)), ("code", .int(404)),
                    ("body", FinchError.item(404, "not_found_error", "individual_not_found", "Not enrolled")),
                ]))
        }
        return .json(200, .array(items))
    }
}
