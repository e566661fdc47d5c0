import Foundation
import Testing

@testable import FinchSandbox

@Suite struct ConnectFlowTests {
    let sandbox = TestSandbox()

    func basic(_ id: String = "test-client", _ secret: String = "test-secret") -> [String: String] {
        [
            "Authorization": "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString(),
            "Finch-API-Version": "2020-09-17", "Host": "127.0.0.1:9",
        ]
    }

    func session(_ path: String, _ json: String, headers: [String: String]? = nil) -> SandboxResponse {
        sandbox.engine.handle(
            SandboxRequest(method: "POST", path: path, headers: headers ?? basic(), body: Array(json.utf8)))
    }

    /// Follows the authorize page and returns the code from the redirect.
    func authorizationCode(for connectURL: String) -> String? {
        let url = URLComponents(string: connectURL)!
        let redirect = sandbox.engine.handle(
            SandboxRequest(method: "GET", path: url.path, rawQuery: (url.query ?? "") + "&state=xyz"))
        guard redirect.status == 302, let location = redirect.header("Location") else { return nil }
        return URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value
    }

    func exchange(_ code: String, secret: String = "test-secret") -> SandboxResponse {
        sandbox.post(
            "/auth/token",
            json: "{\"client_id\":\"test-client\",\"client_secret\":\"\(secret)\",\"code\":\"\(code)\"}",
            token: nil)
    }

    @Test func newSessionCodeExchangeGivesWorkingTokenOnce() throws {
        let created = session(
            "/connect/sessions",
            "{\"customer_id\":\"c-9\",\"customer_name\":\"Nine\",\"products\":[\"company\"],\"redirect_uri\":\"http://127.0.0.1:8765/callback\"}"
        )
        #expect(created.status == 200)
        let url = try #require(created.dictionary["connect_url"] as? String)
        #expect(url.hasPrefix("http://127.0.0.1:9/authorize?session="))
        let code = try #require(authorizationCode(for: url))
        #expect(exchange(code, secret: "wrong").dictionary["name"] as? String == "invalid_client_error")
        let token = exchange(code)
        #expect(token.status == 200)
        let access = try #require(token.dictionary["access_token"] as? String)
        #expect(sandbox.get("/employer/company", token: access).status == 200)
        #expect(exchange(code).dictionary["name"] as? String == "invalid_grant_error")
    }

    @Test func codesExpireAfterTenMinutes() throws {
        let created = session(
            "/connect/sessions",
            "{\"customer_id\":\"c\",\"customer_name\":\"C\",\"products\":[],\"redirect_uri\":\"http://x.test/cb\"}"
        )
        let code = try #require(authorizationCode(for: created.dictionary["connect_url"] as! String))
        sandbox.clock.advance(601)
        #expect(exchange(code).status == 400)
    }

    @Test func reauthKeepsConnectionAndRetiresOldToken() throws {
        let reauth = sandbox.connection(.reauth)
        let created = session(
            "/connect/sessions/reauthenticate",
            "{\"connection_id\":\"\(reauth.connectionID)\",\"redirect_uri\":\"http://x.test/cb\"}")
        let code = try #require(authorizationCode(for: created.dictionary["connect_url"] as! String))
        let token = exchange(code).dictionary
        #expect(token["connection_id"] as? String == reauth.connectionID)
        let fresh = try #require(token["access_token"] as? String)
        #expect(fresh != reauth.accessToken)
        #expect(sandbox.get("/employer/company", token: fresh).status == 200)
        #expect(
            sandbox.get("/employer/company", token: reauth.accessToken).dictionary["name"] as? String
                == "invalid_token_error")
    }

    @Test func sessionsNeedBasicAuth() {
        let json = "{\"customer_id\":\"c\",\"customer_name\":\"C\",\"products\":[]}"
        #expect(session("/connect/sessions", json, headers: basic("test-client", "bad")).status == 401)
        #expect(
            session("/connect/sessions", json, headers: ["Finch-API-Version": "2020-09-17"]).status == 401)
    }

    @Test func disconnectStopsTheToken() {
        let token = sandbox.connection(.normal, provider: "rippling").accessToken
        #expect(
            sandbox.post("/disconnect", json: "", token: token).dictionary["status"] as? String == "success")
        #expect(sandbox.get("/introspect", token: token).status == 401)
    }
}
