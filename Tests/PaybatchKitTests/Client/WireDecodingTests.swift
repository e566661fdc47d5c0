import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

private func sample(_ path: String) throws -> Data {
    try Data(contentsOf: RepoPaths.sample("api/\(path)"))
}

private func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    try JSONDecoder().decode(T.self, from: sample(path))
}

@Suite("Decoding Finch's own 2024 examples")
struct FinchExampleDecodingTests {
    @Test func introspectWithStringManual() throws {
        let value = try decode(Introspection.self, "finch-openapi-2024-01/introspect.json")
        #expect(value.clientType == .production)
        #expect(value.effectiveProviderID == "gusto")
        #expect(value.manual == LenientBool(false))
        // An assisted method is listed, so the connection counts as assisted whatever `manual` says.
        #expect(value.isAssisted)
        #expect(value.products?.present == ["company", "directory"])
    }

    @Test func company() throws {
        let value = try decode(WireCompany.self, "finch-openapi-2024-01/company.json")
        #expect(value.id != nil)
        #expect(value.legalName != nil)
    }

    @Test func directory() throws {
        let value = try decode(DirectoryPage.self, "finch-openapi-2024-01/directory.json")
        #expect((value.individuals?.present.count ?? 0) > 0)
        #expect(value.paging?.offset != nil)
    }

    @Test func individualBatch() throws {
        let value = try decode(BatchResponse<WireIndividual>.self, "finch-openapi-2024-01/individual.json")
        #expect(!value.items.isEmpty)
        for item in value.items {
            guard case .data(let person) = item.outcome else {
                Issue.record("item \(item.id ?? "?") did not decode as data")
                continue
            }
            #expect(person.id == item.id)
        }
    }

    @Test func employmentBatch() throws {
        let value = try decode(BatchResponse<WireEmployment>.self, "finch-openapi-2024-01/employment.json")
        #expect(!value.items.isEmpty)
        guard case .data(let employment) = value.items[0].outcome else {
            Issue.record("employment item did not decode as data")
            return
        }
        #expect(employment.income?.amount != nil)
    }

    @Test func payments() throws {
        let value = try decode(WireList<WirePayment>.self, "finch-openapi-2024-01/payment.json")
        #expect(!value.present.isEmpty)
        #expect(value.present[0].grossPay?.cents != nil)
    }

    @Test func payStatementsKeepTheUndocumentedRegularType() throws {
        let value = try PayStatementBatch(sample("finch-openapi-2024-01/pay-statement.json"))
        guard case .data(let page) = value.items.first?.outcome else {
            Issue.record("pay statement item did not decode as data")
            return
        }
        let statement = try #require(page.statement(at: 0))
        #expect(statement.type?.rawValue == "regular")
        #expect(statement.type?.isKnown == false)
        #expect(page.paging?.count == 25)
    }

    @Test func providersAndDisconnect() throws {
        let providers = try decode(WireList<WireProvider>.self, "finch-openapi-2024-01/providers.json")
        #expect(providers.present.allSatisfy { $0.id != nil })
        let disconnect = try decode(DisconnectResponse.self, "finch-openapi-2024-01/disconnect.json")
        #expect(disconnect.status == "success")
    }

    @Test func errorBodyWithStatusCodeAndStatus() throws {
        let value = try decode(FinchErrorBody.self, "finch-openapi-2024-01/error-401.json")
        #expect(value.statusCode == 401)
        #expect(value.name == "unauthorized_request_error")
        #expect(value.finchCode == nil)
    }
}

@Suite("Decoding every quirk of API.md §13")
struct QuirkDecodingTests {
    @Test func nullElementsAbsentAmountsAndFractionalHours() throws {
        let value = try PayStatementBatch(sample("quirks/pay-statement-null-elements.json"))
        guard case .data(let page) = value.items.first?.outcome else {
            Issue.record("not data")
            return
        }
        let statement = try #require(page.statement(at: 0))
        #expect(statement.totalHours == Decimal(string: "42.5"))
        #expect(statement.netPay?.amount == nil)
        #expect(statement.netPay?.currency == "usd")
        #expect(statement.earnings?.elements.count == 4)
        #expect(statement.earnings?.missingCount == 1)
        #expect(statement.earnings?.present[1].hours == Decimal(string: "2.5"))
        #expect(statement.earnings?.present[2].amount == nil)
        #expect(statement.taxes?.present[1].amount == nil)
        #expect(statement.taxes?.present[1].employer == nil)
        #expect(statement.employerContributions?.present[0].amount == nil)
        #expect(statement.employeeDeductions?.present[0].type?.rawValue == "401k")
    }

    @Test func unknownEnumsAreKeptAsTheyCame() throws {
        let value = try decode(BatchResponse<WireEmployment>.self, "quirks/employment-unknown-enums.json")
        guard case .data(let employment) = value.items.first?.outcome else {
            Issue.record("not data")
            return
        }
        #expect(employment.employmentStatus?.rawValue == "furloughed")
        #expect(employment.employmentStatus?.isKnown == false)
        #expect(employment.employment?.subtype?.rawValue == "apprentice")
        #expect(employment.employment?.type?.isKnown == true)
        #expect(employment.isActive == LenientBool(false))
        #expect(employment.income?.unit?.rawValue == "hourly")
        #expect(employment.income?.amount == WireCents(3250))
        #expect(employment.incomeHistory?.missingCount == 1)
        #expect(employment.effectiveSourceID == "000123")
        #expect(employment.manager == nil)
        #expect(employment.location?.city == "Zürich")
    }

    @Test func emailsSplitByType() throws {
        let value = try decode(BatchResponse<WireIndividual>.self, "quirks/individual-emails.json")
        guard case .data(let person) = value.items.first?.outcome else {
            Issue.record("not data")
            return
        }
        #expect(person.firstEmail(of: .work) == "jose@acme.example")
        #expect(person.firstEmail(of: .personal) == "jose@home.example")
        #expect(person.phoneNumbers?.missingCount == 1)
        #expect(person.ssn == nil)
        #expect(person.residence == nil)
    }

    @Test func itemErrorsAndOrder() throws {
        let value = try decode(BatchResponse<WireIndividual>.self, "quirks/individual-batch-404.json")
        #expect(value.items.map(\.id) == ["b", "a"])
        guard case .error(let error) = value.items[0].outcome else {
            Issue.record("404 item should be an error")
            return
        }
        #expect(error.finchCode == "individual_not_found")
        guard case .data = value.items[1].outcome else {
            Issue.record("200 item should be data")
            return
        }
    }

    @Test func itemSyncInProgress() throws {
        let value = try PayStatementBatch(sample("quirks/pay-statement-item-202.json"))
        guard case .syncInProgress(let body) = value.items.first?.outcome else {
            Issue.record("202 item should be sync in progress")
            return
        }
        #expect(body.finchCode == "data_sync_in_progress")
    }

    @Test func directoryWithoutCountAndNullEntries() throws {
        let value = try decode(DirectoryPage.self, "quirks/directory-no-count.json")
        #expect(value.paging?.count == nil)
        #expect(value.individuals?.elements.count == 3)
        #expect(value.individuals?.missingCount == 1)
        #expect(value.individuals?.present[1].lastName == "王")
        #expect(value.individuals?.present[1].isActive == nil)
    }

    @Test func wrongTypesBecomeNilNotFailures() throws {
        let value = try decode(WireList<WirePayment>.self, "quirks/payment-wrong-types.json")
        let payment = try #require(value.present.first)
        #expect(payment.grossPay?.cents == Cents(1_234_500))
        #expect(payment.netPay?.amount == nil)
        #expect(payment.netPay?.currency == "USD")
        #expect(payment.payPeriod == nil)
        #expect(payment.individualIDs?.missingCount == 1)
        #expect(payment.payFrequencies?.present.map(\.rawValue) == ["bi_weekly", "fortnightly"])
    }

    @Test func errorBodies() throws {
        let reauth = try decode(FinchErrorBody.self, "quirks/error-reauthenticate.json")
        #expect(reauth.finchCode == "reauthenticate_user")
        let rate = try decode(FinchErrorBody.self, "quirks/error-rate-limit.json")
        #expect(rate.status == 429 && rate.statusCode == 429 && rate.code == 429)
        let ip = try decode(FinchErrorBody.self, "quirks/error-ip-rate-limit.json")
        #expect(ip.finchCode == "finch_api_ip_rl")
    }

    @Test func introspectAssistedPendingWithUnknownKeys() throws {
        let value = try decode(Introspection.self, "quirks/introspect-assisted-pending.json")
        #expect(value.isAssisted)
        #expect(value.connectionStatus?.status == .pending)
        #expect(value.connectionStatus?.lastSuccessfulSync == nil)
        #expect(value.companyID == "comp-1")
    }

    /// Multi-entity mode (API.md §2.5): each entity with its own status; an entity of an unknown
    /// shape is kept as missing, not a reason to refuse the introspection.
    @Test func introspectListsItsEntities() throws {
        let body = #"""
            {"connection_id": "c-1", "entities": [
              {"id": "e-1", "name": "Acme East LLC", "source_id": "CO1", "status": "connected"},
              {"id": "e-2", "name": null, "source_id": null, "status": "error_permissions"},
              "not an entity",
              {"id": "e-3", "status": "some_new_status"}]}
            """#
        let value = try JSONDecoder().decode(Introspection.self, from: Data(body.utf8))
        let entities = value.entities?.present ?? []
        #expect(entities.map(\.id) == ["e-1", "e-2", "e-3"])
        #expect(
            entities.map { $0.status?.rawValue } == ["connected", "error_permissions", "some_new_status"])
        #expect(
            entities[0].name == "Acme East LLC" && entities[0].sourceID == "CO1" && entities[1].name == nil)
        #expect(entities[2].status?.isKnown == false)
    }

    @Test(arguments: [
        "{}", "{\"unexpected\": [1, {\"a\": null}]}", "{\"individuals\": null, \"paging\": null}",
    ])
    func emptyAndStrangeObjectsDecode(body: String) throws {
        let value = try JSONDecoder().decode(DirectoryPage.self, from: Data(body.utf8))
        #expect(value.individuals?.present.isEmpty ?? true)
    }

    @Test func nullInsideEveryListKind() throws {
        let body = """
            {"id":"c","departments":[null,{"name":"Ops","parent":null}],"locations":[null],"entity":null,"ein":null}
            """
        let company = try JSONDecoder().decode(WireCompany.self, from: Data(body.utf8))
        #expect(company.departments?.missingCount == 1)
        #expect(company.locations?.missingCount == 1)
        #expect(company.entity == nil)
    }
}
