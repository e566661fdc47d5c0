import Foundation

/// "Now" given on the command line (`--now T`, `PAYBATCH_NOW`; SPEC §2), for tests and replays:
/// `start` when the command began, then moving with the machine's clock, so durations (a run's
/// length, the resume window) stay real while the calendar is the one asked for.
public struct ShiftedWallClock: WallClock {
    private let offset: TimeInterval

    public init(start: Date, machineNow: Date = Date()) {
        offset = start.timeIntervalSince(machineNow)
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }
}
