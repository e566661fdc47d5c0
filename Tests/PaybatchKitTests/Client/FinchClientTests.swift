import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

private let token = AccessToken("tok-abcdefgh-0001")

private func client(_ script: ScriptedTransport, limits: FinchBatchLimits = FinchBatchLimits()) -> FinchClient
{
    FinchClient(
        requests: FinchRequestFactory(baseURL: URL(string: "http://finch.test/")!), transport: script,
        limits: limits)
}

private func json(_ object: Any) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
}

private func requestBody(_ request: HTTPRequest) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any] ?? [:]
}

@Suite("Finch client: headers, paging, batching")
struct FinchClientTests {
    @Test func bearerCallsCarryTheSpecHeaders() async throws {
        let script = ScriptedTransport([.json(200, #"{"connection_id":"c1","client_type":"production"}"#)])
        let value = try await client(script).introspect(token)
        #expect(value.connectionID == "c1")
        let request = try #require(script.requests.first)
        #expect(request.url.absoluteString == "http://finch.test/introspect")
        #expect(request.method == .get)
        #expect(request.header("Authorization") == "Bearer tok-abcdefgh-0001")
        #expect(request.header("Finch-API-Version") == "2020-09-17")
        #expect(request.header("Accept") == "application/json")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("User-Agent") == "paybatch/\(PaybatchVersion.current)")
    }

    @Test func sessionsUseBasicAuthAndTheTokenExchangeNone() async throws {
        let credentials = ClientCredentials(clientID: "id", clientSecret: ClientSecret("shh"))
        let script = ScriptedTransport([
            .json(200, #"{"session_id":"s","connect_url":"http://x/authorize?session=s"}"#),
            .json(200, #"{"access_token":"new-token","connection_id":"c1","token_type":"bearer"}"#),
        ])
        let session = try await client(script).createConnectSession(
            ConnectSessionRequest(customerID: "cust", customerName: "Acme", products: ["company"]),
            credentials: credentials)
        #expect(session.connectURL == "http://x/authorize?session=s")
        let exchanged = try await client(script).exchangeCode(
            "code-1", credentials: credentials, redirectURI: nil)
        #expect(exchanged.accessToken == "new-token")
        #expect(
            script.requests[0].header("Authorization") == "Basic " + Data("id:shh".utf8).base64EncodedString()
        )
        #expect(script.requests[1].header("Authorization") == nil)
        #expect(requestBody(script.requests[1])["client_secret"] as? String == "shh")
        #expect(requestBody(script.requests[1])["code"] as? String == "code-1")
    }

    @Test func errorsCarryTheirClassAndRequestID() async throws {
        let body =
            #"{"code":401,"name":"authentication_error","finch_code":"reauthenticate_user","message":"reauth"}"#
        let script = ScriptedTransport([.json(401, body, headers: [("Finch-Request-Id", "req-9")])])
        do {
            _ = try await client(script).company(token, connectionID: "c1")
            Issue.record("expected a failure")
        } catch let failure as FinchFailure {
            #expect(failure.code == "reauth_required")
            #expect(failure.requestID == "req-9")
            #expect(failure.endpoint == .company)
            #expect(!failure.description.contains(token.secret))
        }
    }

    @Test func httpAcceptedMeansPending() async throws {
        let script = ScriptedTransport([.json(202, "")])
        let result = try await client(script).company(token, connectionID: nil)
        guard case .pending = result else {
            Issue.record("expected pending")
            return
        }
    }

    @Test func directoryPagesUntilCount() async throws {
        let limits = FinchBatchLimits(directoryPageSize: 2)
        let page = { (ids: [String], offset: Int) in
            json(["paging": ["count": 5, "offset": offset], "individuals": ids.map { ["id": $0] }])
        }
        let script = ScriptedTransport([
            .json(200, page(["1", "2"], 0)), .json(200, page(["3", "4"], 2)), .json(200, page(["5"], 4)),
        ])
        let result = try await client(script, limits: limits).directory(token, connectionID: nil)
        #expect(result.value?.compactMap(\.id) == ["1", "2", "3", "4", "5"])
        #expect(
            script.requests.map { $0.url.query ?? "" } == [
                "limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4",
            ])
    }

    @Test func directoryStopsOnAnEmptyPageOrAShortPageWithoutCount() async throws {
        let limits = FinchBatchLimits(directoryPageSize: 2)
        let script = ScriptedTransport([
            .json(200, json(["paging": ["offset": 0], "individuals": [["id": "1"], ["id": "2"]]])),
            .json(200, json(["paging": ["offset": 2], "individuals": [] as [Any]])),
        ])
        let result = try await client(script, limits: limits).directory(token, connectionID: nil)
        #expect(result.value?.count == 2)
        #expect(script.remaining == 0)
        #expect(DirectoryPaging.nextOffset(after: 0, received: 1, count: nil, pageSize: 2) == nil)
        #expect(DirectoryPaging.nextOffset(after: 0, received: 5000, count: 5000, pageSize: 5000) == nil)
        #expect(DirectoryPaging.nextOffset(after: 0, received: 5000, count: 5001, pageSize: 5000) == 5000)
    }

    @Test func individualsAreBatchedAndMatchedByID() async throws {
        let limits = FinchBatchLimits(individualsPerCall: 3)
        let ids = (1...5).map { IndividualID("p\($0)") }
        func answer(_ ids: [String], missing: String? = nil) -> ScriptedTransport.Reply {
            // Items come back reversed, and one asked id can be left out.
            let items = ids.reversed().filter { $0 != missing }.map {
                ["individual_id": $0, "code": 200, "body": ["id": $0, "first_name": "N\($0)"]]
                    as [String: Any]
            }
            return .json(200, json(["responses": items]))
        }
        let script = ScriptedTransport([answer(["p1", "p2", "p3"]), answer(["p4", "p5"], missing: "p5")])
        let result = try await client(script, limits: limits).individuals(token, ids: ids, connectionID: nil)
        let values = try #require(result.value).results(for: ids)
        #expect(values.count == 5)
        #expect(script.requests.count == 2)
        let firstBatch = requestBody(script.requests[0])["requests"] as? [[String: String]]
        #expect(firstBatch?.map { $0["individual_id"] } == ["p1", "p2", "p3"])
        #expect(requestBody(script.requests[0])["options"] == nil)
        guard case .ok(let p2) = values["p2"] else {
            Issue.record("p2 should be ok")
            return
        }
        #expect(p2.firstName == "Np2")
        guard case .failed(let missing) = values["p5"] else {
            Issue.record("p5 should have failed")
            return
        }
        #expect(missing.code == "missing_from_response")
    }

    @Test func ssnIsAskedOnlyWhenIncluded() async throws {
        let script = ScriptedTransport([.json(200, #"{"responses":[]}"#)])
        _ = try await client(script).individuals(token, ids: ["a"], includeSSN: true, connectionID: nil)
        let options = requestBody(script.requests[0])["options"] as? [String: [String]]
        #expect(options?["include"] == ["ssn"])
    }

    @Test func paymentsAskForThePeriodInclusive() async throws {
        let script = ScriptedTransport([.json(200, #"[{"id":"pay1","pay_date":"2024-02-29"}]"#)])
        let result = try await client(script).payments(token, period: Period("2024-02")!, connectionID: nil)
        #expect(result.value?.first?.id == "pay1")
        #expect(script.requests[0].url.query == "start_date=2024-02-01&end_date=2024-02-29")
    }

    @Test func payStatementsPackTenPaymentsAndPageLargeOnesInRounds() async throws {
        let limits = FinchBatchLimits(paymentsPerPayStatementCall: 10, payStatementPageSize: 2)
        let payments = (1...12).map { PaymentID("pay\($0)") }
        // pay1 has 5 statements (3 pages), pay2…pay6 have 3 (2 pages), the others 1; pay12 is still
        // syncing. Answers list items in reverse: the next round must still ask in the order asked.
        let sizes = ["pay1": 5, "pay2": 3, "pay3": 3, "pay4": 3, "pay5": 3, "pay6": 3]
        let script = ScriptedTransport()
        var plan = PayStatementRounds(payments: payments, perCall: 10, pageSize: 2)
        var calls = 0
        var asked: [[String]] = []
        while let call = plan.nextCall() {
            calls += 1
            asked.append(call.map(\.paymentID))
            var items: [[String: Any]] = []
            for item in call {
                if item.paymentID == "pay12" {
                    items.append([
                        "payment_id": "pay12", "code": 202,
                        "body": [
                            "code": 202, "name": "accepted", "finch_code": "data_sync_in_progress",
                            "message": "later",
                        ],
                    ])
                    continue
                }
                let total = sizes[item.paymentID] ?? 1
                let count = max(0, min(item.limit, total - item.offset))
                let statements = (0..<count).map {
                    ["individual_id": "\(item.paymentID)-\(item.offset + $0)"]
                }
                items.append([
                    "payment_id": item.paymentID, "code": 200,
                    "body": [
                        "paging": ["count": total, "offset": item.offset], "pay_statements": statements,
                    ],
                ])
                plan.record(PaymentID(item.paymentID), received: count, count: total)
            }
            script.enqueue(.json(200, json(["responses": Array(items.reversed())])))
        }
        // Rounds: 12 payments → 2 calls; 6 with more than 2 → 1 call; 1 with more than 4 → 1 call.
        #expect(calls == 4)
        let result = try await client(script, limits: limits).payStatements(
            token, payments: payments, connectionID: nil)
        let values = try #require(result.value)
        #expect(script.requests.count == 4)
        #expect(script.remaining == 0)
        guard case .ok(let first) = values["pay1"], case .ok(let second) = values["pay2"] else {
            Issue.record("pay1 and pay2 should be ok")
            return
        }
        #expect(first.compactMap(\.individualID) == (0..<5).map { "pay1-\($0)" })
        #expect(second.count == 3)
        guard case .pending = values["pay12"] else {
            Issue.record("pay12 should be pending")
            return
        }
        let callSizes = script.requests.map { (requestBody($0)["requests"] as? [Any])?.count ?? 0 }
        #expect(callSizes == [10, 2, 6, 1])
        // The same bytes every run, whatever order the answers came in: a resumed run finds them.
        let sentOrder = script.requests.map {
            ((requestBody($0)["requests"] as? [[String: Any]]) ?? []).compactMap {
                $0["payment_id"] as? String
            }
        }
        #expect(sentOrder == asked)
    }
}
