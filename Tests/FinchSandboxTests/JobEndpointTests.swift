import Foundation
import Testing

@testable import FinchSandbox

/// `/jobs/automated` (API.md §9, §11): quotas per connection and hour, the 202 of a running job,
/// states that follow the clock, the seeded outcomes, and the assisted refusal.
@Suite struct JobEndpointTests {
    let sandbox = TestSandbox()
    let create = "{\"type\":\"data_sync_all\"}"

    func start(_ token: String) -> SandboxResponse {
        sandbox.post("/jobs/automated", json: create, token: token)
    }

    func status(_ id: String, _ token: String) -> String? {
        sandbox.get("/jobs/automated/\(id)", token: token).dictionary["status"] as? String
    }

    @Test func aJobAdvancesWithTheClockAndCompletes() {
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        let created = start(token)
        #expect(created.status == 200)
        let body = created.dictionary
        let id = body["job_id"] as? String ?? ""
        #expect(body["allowed_refreshes"] as? Int == 2)
        #expect(body["remaining_refreshes"] as? Int == 1)
        #expect(body["job_url"] as? String == "http://127.0.0.1:1/jobs/automated/\(id)")
        #expect(status(id, token) == "pending")
        sandbox.clock.advance(1)
        #expect(status(id, token) == "in_progress")
        sandbox.clock.advance(3)
        let job = sandbox.get("/jobs/automated/\(id)", token: token).dictionary
        #expect(job["status"] as? String == "complete")
        #expect(job["completed_at"] as? String == "2026-11-15T12:00:04Z")
        #expect(sandbox.engine.counters().calls("jobs") == 4)
    }

    @Test func aRunningJobAnswers202WithItsIdAndUsesNoQuota() {
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        let first = start(token).dictionary
        let again = start(token)
        #expect(again.status == 202)
        #expect(again.dictionary["job_id"] as? String == first["job_id"] as? String)
        #expect(again.dictionary["remaining_refreshes"] as? Int == 1)
    }

    @Test func theQuotaIsTwoAnHourThen429WithRetryAt() {
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        #expect(start(token).status == 200)
        sandbox.clock.advance(10)
        let second = start(token)
        #expect(second.status == 200)
        #expect(second.dictionary["remaining_refreshes"] as? Int == 0)
        sandbox.clock.advance(10)
        let refused = start(token)
        #expect(refused.status == 429)
        #expect(refused.dictionary["remaining_refreshes"] as? Int == 0)
        #expect(refused.dictionary["retry_at"] as? String == "2026-11-15T13:00:00Z")
        #expect(refused.dictionary["job_id"] == nil)
        sandbox.clock.advance(3600)
        #expect(start(token).status == 200)
        let list = sandbox.get("/jobs/automated", token: token).dictionary
        #expect((list["data"] as? [Any])?.count == 3)
        let quotas = (list["meta"] as? [String: Any])?["quotas"] as? [String: Any]
        #expect((quotas?["data_sync_all"] as? [String: Any])?["remaining_refreshes"] as? Int == 1)
    }

    @Test func seededOutcomesAndRefusals() {
        let world = sandbox.world
        let permissions = world.connections.first { $0.refreshOutcome == "permissions_error" }!
        let reauth = world.connections.first { $0.refreshOutcome == "reauth_error" }!
        let ids = [permissions, reauth].map { start($0.accessToken).dictionary["job_id"] as? String ?? "" }
        sandbox.clock.advance(5)
        #expect(status(ids[0], permissions.accessToken) == "permissions_error")
        #expect(status(ids[1], reauth.accessToken) == "reauth_error")
        // Another connection's job is not found with this token.
        #expect(sandbox.get("/jobs/automated/\(ids[0])", token: reauth.accessToken).status == 404)
        let assisted = start(sandbox.connection(.assisted).accessToken)
        #expect(assisted.status == 400)
        #expect(
            assisted.dictionary["message"] as? String
                == "cannot create automated job for Assisted Connect token")
        #expect(start(sandbox.connection(.reauth).accessToken).status == 401)
        let token = sandbox.connection(.normal).accessToken
        #expect(sandbox.post("/jobs/automated", json: "{}", token: token).status == 400)
    }

    @Test func jobsNeverEndWithZeroJobSeconds() {
        let clock = ManualClock(TestSandbox.now)
        let engine = SandboxEngine(
            options: SandboxOptions(now: TestSandbox.now, jobSeconds: 0, clientID: "c", clientSecret: "s"),
            clock: { clock.now })
        let token = engine.world.connections[0].accessToken
        let headers = ["Finch-API-Version": "2020-09-17", "Authorization": "Bearer \(token)"]
        let created = engine.handle(
            SandboxRequest(
                method: "POST", path: "/jobs/automated", headers: headers, body: Array(create.utf8)))
        let id = created.dictionary["job_id"] as? String ?? ""
        clock.advance(86_400)
        let job = engine.handle(
            SandboxRequest(method: "GET", path: "/jobs/automated/\(id)", headers: headers))
        #expect(job.dictionary["status"] as? String == "in_progress")
    }
}
