import Foundation

extension SandboxEngine {
    /// The `/employer/*` endpoints: auth, reauth, limits, assisted 202, then the product itself.
    func data(_ request: SandboxRequest, bucket: String, at t: Double) -> SandboxResponse {
        guard let token = SandboxEngine.bearer(request) else { return FinchError.noAuthentication }
        guard let connectionAccess = access(token: token) else { return FinchError.invalidToken }
        if connectionAccess.status == "reauth" { return FinchError.reauthenticate }
        if let refused = admit(bucket: bucket, at: t) { return refused }
        let access: ConnectionAccess
        switch scoped(request, connectionAccess) {
        case .reads(let scoped): access = scoped
        case .refused(let refused): return refused
        }
        if access.connection.isAssisted, access.status == "pending" {
            // Finch documents this answer only as "empty" with status 202 (API.md §7.2).
            state.with { s in s.dataRequests[access.connection.connectionID, default: 0] += 1 }
            return SandboxResponse(status: 202, headers: [("Content-Type", "application/json")])
        }
        var response: SandboxResponse
        switch bucket {
        case "company": response = .json(200, companyJSON(access.connection))
        case "directory": response = directory(request, access)
        case "individual", "employment":
            response = people(request, access, employment: bucket == "employment")
        case "payment": response = payments(request, access)
        case "benefits":
            response =
                request.path == "/employer/benefits" ? benefits(access) : benefitIndividuals(request, access)
        default: response = payStatements(request, access)
        }
        if let lastSync = access.lastSync {
            response.headers.append(("Finch-Data-Retrieved", SandboxEngine.iso(lastSync)))
        }
        return response
    }

    func companyJSON(_ connection: SandboxConnection) -> JSONValue {
        let departments: [JSONValue] =
            PersonGenerator.departments.map { .object([("name", .string($0)), ("parent", .null)]) }
            + (connection.profile.nullListElements ? [.null] : [])
        return .object([
            ("id", .string(connection.companyID)), ("legal_name", .string(connection.customerName)),
            ("entity", .object([("type", .string("corporation")), ("subtype", .string("c_corporation"))])),
            (
                "ein",
                .string(
                    String(
                        format: "%02d-%07d", connection.companyIndex % 90 + 10,
                        connection.companyIndex * 7919 % 9_999_999))
            ),
            ("primary_email", .string("payroll@\(connection.customerID).example")),
            ("primary_phone_number", .string("+15125550100")),
            ("departments", .array(departments)),
            (
                "locations",
                .array([
                    .object([
                        ("line1", .string("1 Main St")), ("line2", .null), ("city", .string("Austin")),
                        ("state", .string("TX")), ("postal_code", .string("78701")),
                        ("country", .string("US")),
                    ])
                ])
            ),
            (
                "accounts",
                .array([
                    .object([
                        ("account_name", .string("Operating")), ("account_number", .string("000123456789")),
                        ("account_type", .string("checking")),
                        ("institution_name", .string("First Sandbox Bank")),
                        ("routing_number", .string("011000015")),
                    ])
                ])
            ),
        ])
    }

    func directory(_ request: SandboxRequest, _ access: ConnectionAccess) -> SandboxResponse {
        let (people, payroll) = generators(access)
        let total = payroll.peopleCount
        let offset = request.queryValue("offset").flatMap(Int.init) ?? 0
        let limit = request.queryValue("limit").flatMap(Int.init) ?? total
        guard offset >= 0, limit >= 0 else {
            return FinchError.badRequest("limit and offset must not be negative")
        }
        let range = min(offset, total)..<min(offset + limit, total)
        let profile = access.connection.profile
        return .json(200) { w in
            w.object { w in
                w.field("paging", .object([("count", .int(total)), ("offset", .int(offset))]))
                w.array("individuals") { w in
                    for index in range {
                        PersonJSON(person: people.person(index), profile: profile, today: today)
                            .writeDirectoryEntry(to: &w)
                    }
                }
            }
        }
    }

    /// `/employer/individual` and `/employer/employment`: at most 10,000 ids, item 404 for unknown ids.
    func people(_ request: SandboxRequest, _ access: ConnectionAccess, employment: Bool) -> SandboxResponse {
        guard let body = JSONReader.object(request.body), let items = body["requests"] as? [[String: Any]]
        else {
            return FinchError.badRequest("requests is required")
        }
        guard items.count <= 10_000 else { return FinchError.badRequest("Maximum 10000 items per request") }
        let (people, payroll) = generators(access)
        var index: [String: Person] = [:]
        index.reserveCapacity(payroll.peopleCount)
        for i in 0..<payroll.peopleCount {
            let person = people.person(i)
            index[person.id] = person
        }
        let perYear = access.connection.schedule == .biWeekly ? 26 : 24
        let profile = access.connection.profile
        // Written, not built as a tree: an answer can hold 10,000 people.
        return .json(200) { w in
            w.object { w in
                w.array("responses") { w in
                    for item in items {
                        let id = item["individual_id"] as? String ?? ""
                        let json = index[id].map { PersonJSON(person: $0, profile: profile, today: today) }
                        writeItem(id: id, json, employment ? perYear : nil, to: &w)
                    }
                }
            }
        }
    }

    /// One item of the batch: an `Individual`, or an `Employment` when `periodsPerYear` is given, or
    /// an item error for an unknown id.
    private func writeItem(id: String, _ json: PersonJSON?, _ periodsPerYear: Int?, to w: inout JSONWriter) {
        guard let json else {
            return w.value(
                .object([
                    ("individual_id", .string(id)), ("code", .int(404)),
                    (
                        "body",
                        FinchError.item(
                            404, "not_found_error", "individual_not_found", "Individual not found")
                    ),
                ]))
        }
        w.object { w in
            w.field("individual_id", id)
            w.field("code", 200)
            w.key("body")
            if let periodsPerYear {
                json.writeEmployment(periodsPerYear: periodsPerYear, to: &w)
            } else {
                json.writeIndividual(to: &w)
            }
        }
    }
}
