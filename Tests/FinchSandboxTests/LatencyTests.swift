import Foundation
import PaybatchTestSupport
import Testing

@testable import FinchSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `--latency` and `--latency-per-mb`: parsed strictly, drawn from the seed, taken after the
/// rate-limit slot, never on control routes, and really waited for over HTTP. Latencies stay in
/// tens of milliseconds, or are only ever expected not to be waited for.
@Suite struct LatencyTests {
    static let payments = "start_date=2026-10-01&end_date=2026-10-31"

    @Test func parsesTheMeanTheJitterAndThePerMegabyteShare() throws {
        #expect(try LatencyPlan(latency: nil, perMegabyte: nil) == .none)
        #expect(try LatencyPlan(latency: "150", perMegabyte: nil) == LatencyPlan(meanMilliseconds: 150))
        #expect(
            try LatencyPlan(latency: "150:50", perMegabyte: "20")
                == LatencyPlan(meanMilliseconds: 150, jitterMilliseconds: 50, perMegabyteMilliseconds: 20))
        #expect(try LatencyPlan(latency: "0.5:0.25", perMegabyte: nil).jitterMilliseconds == 0.25)
        #expect(try LatencyPlan(latency: nil, perMegabyte: "5").isNone == false)
        for bad in ["", "fast", "150:", ":50", "-1", "150:-5", "150:50:10", "nan", "inf", "40:50"] {
            #expect(throws: LatencyPlanError.self, "\(bad)") {
                try LatencyPlan(latency: bad, perMegabyte: nil)
            }
        }
        for bad in ["", "x", "-1", "inf"] {
            #expect(throws: LatencyPlanError.self, "\(bad)") {
                try LatencyPlan(latency: nil, perMegabyte: bad)
            }
        }
    }

    @Test func theDelayStaysWithinTheJitterAndAddsTheBodysShare() {
        let plan = LatencyPlan(meanMilliseconds: 150, jitterMilliseconds: 50, perMegabyteMilliseconds: 20)
        #expect(plan.delay(forDraw: 0, bodyBytes: 0) == .milliseconds(100))
        #expect(plan.delay(forDraw: 0.5, bodyBytes: 0) == .milliseconds(150))
        #expect(plan.delay(forDraw: 0.999_999, bodyBytes: 0) <= .milliseconds(200))
        #expect(plan.delay(forDraw: 0.5, bodyBytes: 2_500_000) == .milliseconds(200))
    }

    @Test func theSameSeedDrawsTheSameDelaysForTheSameRequests() {
        let plan = LatencyPlan(meanMilliseconds: 40, jitterMilliseconds: 20)
        func delays(seed: UInt64) -> [Duration] {
            let sandbox = TestSandbox(seed: seed, latency: plan)
            let token = sandbox.connection(.normal).accessToken
            // The same request twice draws twice: its occurrence is part of the draw.
            return [
                sandbox.get("/introspect", token: token), sandbox.get("/employer/company", token: token),
                sandbox.get("/employer/company", token: token),
                sandbox.get("/employer/directory", token: token),
                sandbox.get("/providers", token: nil),
            ].map(\.latency)
        }
        let first = delays(seed: 1)
        #expect(first == delays(seed: 1))
        #expect(first != delays(seed: 2))
        #expect(first[1] != first[2])
        #expect(first.allSatisfy { $0 >= .milliseconds(20) && $0 <= .milliseconds(60) })
    }

    @Test func aLargerAnswerWaitsItsShareMore() {
        let sandbox = TestSandbox(latency: LatencyPlan(meanMilliseconds: 10, perMegabyteMilliseconds: 1000))
        let answer = sandbox.get("/employer/directory", token: sandbox.connection(.normal).accessToken)
        #expect(answer.status == 200)
        #expect(answer.latency == .microseconds(10_000 + answer.body.count))
    }

    /// The limiter counts a request when it arrives, so a 429 is answered without the wait, and a
    /// client pacing exactly one window after its admitted calls is admitted again however long
    /// their answers took.
    @Test func theRateLimitSlotIsTakenBeforeTheWait() {
        let sandbox = TestSandbox(rateScale: 60, latency: LatencyPlan(meanMilliseconds: 40))
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        for _ in 0..<12 {
            let answer = sandbox.get("/employer/payment", query: Self.payments, token: token)
            #expect(answer.status == 200)
            #expect(answer.latency == .milliseconds(40))
        }
        let refused = sandbox.get("/employer/payment", query: Self.payments, token: token)
        #expect(refused.status == 429)
        #expect(refused.latency == .zero)
        sandbox.clock.advance(1.0)
        let next = sandbox.get("/employer/payment", query: Self.payments, token: token)
        #expect(next.status == 200)
        #expect(next.latency == .milliseconds(40))
        #expect(sandbox.engine.counters().refused("payment") == 1)
    }

    @Test func controlRoutesAreNotDelayed() {
        let sandbox = TestSandbox(latency: LatencyPlan(meanMilliseconds: 40, perMegabyteMilliseconds: 100))
        #expect(sandbox.get("/_sandbox/counters", token: nil).latency == .zero)
        #expect(sandbox.get("/_sandbox/expected-calls", query: "period=2026-10", token: nil).latency == .zero)
        #expect(sandbox.post("/_sandbox/counters/reset", json: "", token: nil).latency == .zero)
    }

    @Test func overHTTPAnAnswerTakesAtLeastItsLatencyAndOthersGoOnMeanwhile() async throws {
        // Long enough that the comparisons below hold on a loaded machine (the suite runs in
        // parallel): no bound here is near what the calls take when all goes well. With 1.5 s,
        // four at once once took 4.7 s in a parallel run, past a bound of 4.5 s.
        let latency = Duration.milliseconds(3000)
        let server = SandboxServer(
            options: SandboxOptions(now: TestSandbox.now, latency: LatencyPlan(meanMilliseconds: 3000)))
        _ = try await server.start()
        var start = ContinuousClock.now
        #expect(try await Self.status(server, "providers") == 200)
        #expect(ContinuousClock.now - start >= latency)
        // Four at once: one after another they would take 12 s; waiting must not hold a thread.
        start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await Self.status(server, "providers") } }
            for try await status in group { #expect(status == 200) }
        }
        let four = ContinuousClock.now - start
        #expect(four >= latency)
        #expect(four < latency * 3, "the four waited one after another")
        await server.stop()
    }

    /// With a latency of seconds, a 429 and a control route still answer at once.
    @Test func overHTTPA429AndAControlRouteAnswerAtOnce() async throws {
        let server = SandboxServer(
            options: SandboxOptions(
                now: TestSandbox.now, faults: try FaultPlan(parsing: "429=1"),
                latency: LatencyPlan(meanMilliseconds: 30_000)))
        _ = try await server.start()
        let start = ContinuousClock.now
        #expect(try await Self.status(server, "providers") == 429)
        #expect(try await Self.status(server, "_sandbox/counters") == 200)
        // Delayed, the two would take a minute; far less, however loaded the machine.
        #expect(ContinuousClock.now - start < .seconds(20))
        await server.stop()
    }

    @Test func theCommandLineNamesTheFlagAndItsForm() async throws {
        let cases: [([String], String)] = [
            (["--latency", "fast"], "--latency takes MEAN_MS[:JITTER_MS]"),
            (["--latency", "20:30"], "JITTER_MS must not exceed MEAN_MS"),
            (["--latency-per-mb=-1"], "--latency-per-mb takes MS"),
        ]
        for (arguments, message) in cases {
            let result = try await PaybatchBinary.run(["sandbox"] + arguments)
            #expect(result.exitCode == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        let help = try await PaybatchBinary.run(["sandbox", "--help"])
        #expect(help.stdout.contains("--latency <MEAN_MS[:JITTER_MS]>"))
        #expect(help.stdout.contains("--latency-per-mb <MS>"))
    }

    static func status(_ server: SandboxServer, _ path: String) async throws -> Int {
        var request = URLRequest(url: server.baseURL.appendingPathComponent(path))
        request.setValue("2020-09-17", forHTTPHeaderField: "Finch-API-Version")
        request.timeoutInterval = 60
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as! HTTPURLResponse).statusCode
    }
}
