import Foundation
import PaybatchKit
import Testing

/// Issue 19, item 3: a month is over from the first instant of the next one (UTC); an export of
/// one that is not is 64 unless allowed, and a run made before its month ended is marked.
@Suite struct OpenPeriodTests {
    static func date(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(UTCTimestamp(iso: text)!.secondsSinceEpoch))
    }

    @Test func aMonthEndsAtTheFirstInstantOfTheNextUTC() throws {
        let december = try #require(Period("2026-12"))
        #expect(december.endInstant == Self.date("2027-01-01T00:00:00Z"))
        #expect(!december.hasEnded(at: Self.date("2026-12-31T23:59:59Z")))
        #expect(december.hasEnded(at: Self.date("2027-01-01T00:00:00Z")))
        #expect(try #require(Period("2028-02")).endInstant == Self.date("2028-03-01T00:00:00Z"))
    }

    @Test func anOpenPeriodIs64UnlessAllowed() throws {
        var options = ExportOptions(period: Period("2026-12")!, outputRoot: "out")
        let failure = expectFailure(.usage) {
            try options.requireEndedPeriod(now: Self.date("2026-12-04T10:00:00Z"))
        }
        #expect(failure?.message.contains("2026-12 has not ended") == true)
        #expect(failure?.remedy?.contains("--allow-open-period") == true)
        try options.requireEndedPeriod(now: Self.date("2027-01-01T00:00:00Z"))
        options.allowOpenPeriod = true
        try options.requireEndedPeriod(now: Self.date("2026-12-04T10:00:00Z"))
    }

    @Test func aRunIsPeriodCompleteWhenItStartedAfterTheMonth() throws {
        let period = try #require(Period("2026-11"))
        let early = RunRecord(
            runID: "a", period: period, command: "export", startedAt: Self.date("2026-11-30T23:00:00Z"))
        let late = RunRecord(
            runID: "b", period: period, command: "export", startedAt: Self.date("2026-12-01T00:00:00Z"))
        #expect(!early.periodComplete && late.periodComplete)
    }

    @Test func aShiftedClockStartsAtTheGivenTimeAndMoves() throws {
        let machine = Date()
        let clock = ShiftedWallClock(start: Self.date("2026-12-04T10:00:00Z"), machineNow: machine)
        let now = clock.now()
        #expect(now >= Self.date("2026-12-04T10:00:00Z") && now < Self.date("2026-12-04T10:01:00Z"))
    }
}
