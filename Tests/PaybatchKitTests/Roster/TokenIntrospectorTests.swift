import Foundation
import PaybatchKit
import PaybatchTestSupport
import Synchronization
import Testing

@Suite("Introspecting many tokens: outcomes, progress, run-wide stops")
struct TokenIntrospectorTests {
    /// The composed stack over a script, on a virtual clock so retries never wait.
    private func introspector(
        _ script: ScriptedTransport, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> TokenIntrospector {
        let clock = TestClock()
        let transport = FinchTransportStack.compose(
            wire: script, limiter: RateLimiter(configuration: .unpaced, clock: clock),
            retryPolicy: RetryPolicy(),
            budget: RetryBudget(), observer: ClosureCallObserver { _ in }, clock: clock,
            wallClock: FixedWallClock(Date(timeIntervalSince1970: 0)))
        let client = FinchClient(
            requests: FinchRequestFactory(baseURL: URL(string: "http://finch.test")!), transport: transport)
        return TokenIntrospector(client: client, width: 1, progress: progress)
    }

    private func error(_ status: Int, _ name: String, _ finchCode: String? = nil) -> ScriptedTransport.Reply {
        let code = finchCode.map { #","finch_code":"\#($0)""# } ?? ""
        return .json(status, #"{"code":\#(status),"name":"\#(name)"\#(code),"message":"refused"}"#)
    }

    @Test func sortsFinchAnswersAndStopsOnARunWideRefusal() async {
        let script = ScriptedTransport([
            .json(200, #"{"connection_id":"c1","connection_status":{"status":"connected"}}"#),
            error(401, "invalid_token_error"),
            error(401, "authentication_error", "reauthenticate_user"),
            error(402, "payment_required"),
        ])
        let counted = Mutex<[Int]>([])
        let tokens = (0..<5).map {
            (token: AccessToken("tok_\($0)_abcdefgh"), connectionID: ConnectionID?.none)
        }
        let (outcomes, stop) = await introspector(script) { done, total in
            #expect(total == 5)
            counted.withLock { $0.append(done) }
        }.introspect(tokens)

        guard case .introspected(let first) = outcomes[0] else { return #expect(Bool(false)) }
        #expect(first.connectionID == "c1")
        guard case .rejected(let rejected) = outcomes[1] else { return #expect(Bool(false)) }
        #expect(rejected.code == "invalid_token" && rejected.requestID != nil)
        guard case .needsEmployer(let status, _) = outcomes[2] else { return #expect(Bool(false)) }
        #expect(status == .reauth)
        #expect(outcomes[3] == nil && outcomes[4] == nil)
        #expect((stop as? FinchRunStop)?.exitStatus == .unavailable)
        #expect(counted.withLock { $0 } == [1, 2, 3])
        #expect(script.requests.count == 4)
    }
}
