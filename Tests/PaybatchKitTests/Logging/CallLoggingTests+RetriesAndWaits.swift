import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 20: every limiter wait long enough to matter, every `Retry-After` honoured and every call
/// given up on is logged with its facts as metadata, through the observer the stack reports to.
extension CallLoggingTests {
    /// The log's JSON lines of one level.
    static func lines(_ log: InMemoryLog, at level: String) -> [[String: Any]] {
        log.objects.map { $0 ?? [:] }.filter { $0["level"] as? String == level }
    }

    @Test(
        "a limiter wait of a second or more is logged at info with its fields; every wait stays at debug",
        arguments: [(1.0, 60_000, true), (60, 1_000, true), (120, 500, false)])
    func longLimiterWaitsAtInfo(scale: Double, waited: Int, atInfo: Bool) async throws {
        // The 13th payment call waits out the bucket's window: 60 s at Finch's numbers, 1 s at
        // 60 times them (the threshold itself), half a second at 120 times.
        let log = InMemoryLog()
        let transport = stack(
            ScriptedTransport(Array(repeating: .json(200, "{}"), count: 13)),
            observer: LoggingCallObserver(logger: log.logger()), scale: scale)
        for _ in 0..<13 { _ = try await transport.send(request(.payment)) }
        let attempts = Self.lines(log, at: "debug").compactMap { $0["waited_ms"] as? Int }
        #expect(attempts.count == 13 && attempts.last == waited, "\(log.lines)")
        let waits = Self.lines(log, at: "info")
        guard atInfo else {
            #expect(waits.isEmpty, "\(log.lines)")
            return
        }
        #expect(waits.count == 1, "\(log.lines)")
        let wait = try #require(waits.first)
        #expect(wait["bucket"] as? String == "payment" && wait["connection_id"] as? String == "conn-7")
        #expect(wait["waited_ms"] as? Int == waited && wait["attempt"] as? Int == 1)
        #expect(wait["request_id"] as? String == "req-13")
        #expect(!log.lines.joined().contains(Self.token))
    }

    @Test func aLongLimiterWaitOfARetryNamesItsAttempt() async throws {
        // Eleven calls and the first try of the twelfth fill the payment minute; the twelfth's
        // retry (after 500 ms of backoff) waits the rest of it.
        let log = InMemoryLog()
        let script = ScriptedTransport(
            Array(repeating: .json(200, "{}"), count: 11) + [
                .json(500, #"{"code":500,"name":"server_error","message":"boom"}"#), .json(200, "{}"),
            ])
        let transport = stack(script, observer: LoggingCallObserver(logger: log.logger()))
        for _ in 0..<12 { _ = try await transport.send(request(.payment)) }
        // The retry itself is logged at info too; the wait is the other line.
        let waits = Self.lines(log, at: "info").filter { !"\($0["message"] ?? "")".hasPrefix("retrying") }
        #expect(waits.count == 1, "\(log.lines)")
        let wait = try #require(waits.first)
        #expect(wait["attempt"] as? Int == 2 && wait["waited_ms"] as? Int == 59_500, "\(wait)")
        #expect(wait["bucket"] as? String == "payment" && wait["connection_id"] as? String == "conn-7")
        #expect(wait["request_id"] as? String == "req-13")
    }
}
