import Foundation
import Testing

@testable import FinchSandbox

@Suite struct EndpointTests {
    let sandbox = TestSandbox()

    @Test func directoryPagesWithCount() {
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        let all = sandbox.get("/employer/directory", token: token).dictionary
        let total = (all["paging"] as? [String: Any])?["count"] as? Int ?? -1
        #expect(total == 130)
        #expect((all["individuals"] as? [Any])?.count == 130)
        let page = sandbox.get("/employer/directory", query: "limit=50&offset=100", token: token).dictionary
        #expect((page["individuals"] as? [Any])?.count == 30)
        #expect((page["paging"] as? [String: Any])?["offset"] as? Int == 100)
    }

    @Test func batchMaximaAnswer400() {
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        let ids = (0...10_000).map { "{\"individual_id\":\"x\($0)\"}" }.joined(separator: ",")
        #expect(
            sandbox.post("/employer/individual", json: "{\"requests\":[\(ids)]}", token: token).status == 400)
        let payments = (0...10).map { "{\"payment_id\":\"p\($0)\"}" }.joined(separator: ",")
        #expect(
            sandbox.post("/employer/pay-statement", json: "{\"requests\":[\(payments)]}", token: token).status
                == 400)
        let big = sandbox.post(
            "/employer/pay-statement", json: "{\"requests\":[{\"payment_id\":\"p\",\"limit\":5001}]}",
            token: token)
        #expect(big.status == 400)
        #expect(big.dictionary["name"] as? String == "bad_request")
    }

    @Test func authRules() {
        #expect(
            sandbox.get("/employer/company", token: nil).dictionary["name"] as? String
                == "unauthorized_request_error")
        #expect(
            sandbox.get("/employer/company", token: "nope").dictionary["name"] as? String
                == "invalid_token_error")
        let token = sandbox.connection(.normal).accessToken
        #expect(sandbox.get("/employer/company", token: token, version: false).status == 400)
        let ok = sandbox.get("/employer/company", token: token)
        #expect(ok.status == 200)
        #expect(ok.header("Finch-Data-Retrieved") != nil)
        #expect(ok.header("Finch-Request-Id") != nil)
    }

    @Test func itemNotFoundAndReauthAndDisconnected() {
        let token = sandbox.connection(.normal).accessToken
        let body = sandbox.post(
            "/employer/employment", json: "{\"requests\":[{\"individual_id\":\"missing\"}]}", token: token)
        let item = (body.dictionary["responses"] as? [[String: Any]])?.first
        #expect(item?["code"] as? Int == 404)
        let reauth = sandbox.get("/employer/directory", token: sandbox.connection(.reauth).accessToken)
        #expect(reauth.status == 401)
        #expect(reauth.dictionary["finch_code"] as? String == "reauthenticate_user")
        let gone = sandbox.get("/introspect", token: sandbox.connection(.disconnected).accessToken)
        #expect(gone.status == 401)
        #expect(gone.dictionary["name"] as? String == "invalid_token_error")
    }

    @Test func assistedAnswers202UntilReady() {
        let token = sandbox.connection(.assisted).accessToken
        let intro = sandbox.get("/introspect", token: token).dictionary
        #expect(intro["manual"] as? Bool == true)
        #expect((intro["connection_status"] as? [String: Any])?["status"] as? String == "pending")
        #expect(sandbox.get("/employer/company", token: token).status == 202)
        #expect(sandbox.get("/employer/company", token: token).status == 200)
    }

    @Test func syncingPaymentsAnswerItem202ThenData() {
        let token = sandbox.connection(.normal, provider: "adp_workforce_now").accessToken
        let list = sandbox.get(
            "/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31", token: token)
        let ids = (list.object as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty)
        let request = "{\"requests\":[{\"payment_id\":\"\(ids[0])\"}]}"
        let first =
            (sandbox.post("/employer/pay-statement", json: request, token: token).dictionary["responses"]
            as? [[String: Any]])?.first
        #expect(first?["code"] as? Int == 202)
        #expect((first?["body"] as? [String: Any])?["finch_code"] as? String == "data_sync_in_progress")
        let second =
            (sandbox.post("/employer/pay-statement", json: request, token: token).dictionary["responses"]
            as? [[String: Any]])?.first
        #expect(second?["code"] as? Int == 200)
    }

    @Test func paymentsFilterOnPayDateInclusive() {
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        let all = sandbox.get(
            "/employer/payment", query: "start_date=2026-01-01&end_date=2026-10-31", token: token)
        let dates = (all.object as? [[String: Any]] ?? []).compactMap { $0["pay_date"] as? String }
        #expect(!dates.isEmpty)
        let day = dates[3]
        let one = sandbox.get("/employer/payment", query: "start_date=\(day)&end_date=\(day)", token: token)
        #expect((one.object as? [[String: Any]] ?? []).allSatisfy { $0["pay_date"] as? String == day })
        #expect(!((one.object as? [Any]) ?? []).isEmpty)
        #expect(sandbox.get("/employer/payment", token: token).status == 401)
    }

    @Test func controlRoutesAdvanceSyncAndSetStatus() {
        let connection = sandbox.connection(.normal, provider: "gusto")
        let before = sandbox.get("/employer/company", token: connection.accessToken).header(
            "Finch-Data-Retrieved")
        let advanced = sandbox.engine.handle(
            SandboxRequest(
                method: "POST", path: "/_sandbox/connections/advance-sync",
                rawQuery: "connection_id=\(connection.connectionID)"))
        #expect(advanced.status == 200)
        let after = sandbox.get("/employer/company", token: connection.accessToken).header(
            "Finch-Data-Retrieved")
        #expect(before != after)
        sandbox.engine.setStatus(connectionID: connection.connectionID, status: "reauth")
        #expect(sandbox.get("/employer/company", token: connection.accessToken).status == 401)
    }
}
