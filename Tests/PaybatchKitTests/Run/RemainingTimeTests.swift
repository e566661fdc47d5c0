import PaybatchKit
import Testing

@Suite("Remaining time of an export (the progress line's ETA)")
struct RemainingTimeTests {
    @Test func atTheStartItIsThePlansEstimate() {
        #expect(RemainingTime.estimate(planSeconds: 120, elapsed: 0, done: 0, total: 10) == 120)
        // Nothing done yet says nothing about the pace, however long it has been.
        #expect(RemainingTime.estimate(planSeconds: 120, elapsed: 30, done: 0, total: 10) == 120)
    }

    @Test func whenAllAreDoneNothingIsLeft() {
        #expect(RemainingTime.estimate(planSeconds: 120, elapsed: 300, done: 10, total: 10) == 0)
        #expect(RemainingTime.estimate(planSeconds: 0, elapsed: 300, done: 10, total: 10) == 0)
        #expect(RemainingTime.estimate(planSeconds: 120, elapsed: 300, done: 12, total: 10) == 0)
        #expect(RemainingTime.estimate(planSeconds: 120, elapsed: 0, done: 0, total: 0) == 0)
    }

    @Test func withPacingOffThePlanSaysNothingAndTheObservedPaceAlone() {
        #expect(RemainingTime.estimate(planSeconds: 0, elapsed: 5, done: 0, total: 10) == nil)
        // 2 connections in 10 s: 8 left at 5 s each.
        #expect(RemainingTime.estimate(planSeconds: 0, elapsed: 10, done: 2, total: 10) == 40)
    }

    @Test func theObservedPaceWeighsAsMuchAsTheShareDone() {
        // Plan 100 s for 10; after 2 in 40 s: plan says 80 s left, the pace 160 s; weights 0.8/0.2.
        let early = RemainingTime.estimate(planSeconds: 100, elapsed: 40, done: 2, total: 10)
        #expect(early.map { abs($0 - (0.8 * 80 + 0.2 * 160)) < 1e-9 } == true)
        // After 8 in 160 s: plan 20 s left, pace 40 s; weights 0.2/0.8.
        let late = RemainingTime.estimate(planSeconds: 100, elapsed: 160, done: 8, total: 10)
        #expect(late.map { abs($0 - (0.2 * 20 + 0.8 * 40)) < 1e-9 } == true)
    }

    @Test func theFirstConnectionToEndDoesNotMakeTheEstimateWild() throws {
        // 8 connections at once, each 10 s: the first ends at 10 s, when the pace alone would
        // say 990 s for the 99 left; the blend stays near the plan of 125 s.
        let first = RemainingTime.estimate(planSeconds: 125, elapsed: 10, done: 1, total: 100)
        let seconds = try #require(first)
        #expect(seconds < 135)
        #expect(seconds > 120)
    }

    @Test func itNeverGoesNegative() {
        let seconds = RemainingTime.estimate(planSeconds: 50, elapsed: -3, done: 1, total: 4)
        #expect(seconds.map { $0 >= 0 } == true)
    }

    @Test func aResumedRunScalesThePlanToTheConnectionsItFetches() {
        let remaining = RemainingTime(planSeconds: 100, plannedConnections: 10)
        #expect(remaining.seconds(elapsed: 0, done: 0, total: 4) == 40)
        #expect(remaining.seconds(elapsed: 0, done: 0, total: 10) == 100)
        #expect(
            RemainingTime(planSeconds: 0, plannedConnections: 0).seconds(elapsed: 0, done: 0, total: 3) == nil
        )
    }

    @Test func itReadsInSecondsMinutesOrHours() {
        #expect(RemainingTime.text(0) == "0 s")
        #expect(RemainingTime.text(0.2) == "1 s")
        #expect(RemainingTime.text(42) == "42 s")
        #expect(RemainingTime.text(60) == "1 min")
        #expect(RemainingTime.text(185) == "3 min 5 s")
        #expect(RemainingTime.text(3600) == "1 h")
        #expect(RemainingTime.text(3600 + 4 * 60 + 1) == "1 h 5 min")
    }
}
