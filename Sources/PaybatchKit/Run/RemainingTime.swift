/// How long an export has left, as its progress line shows it: the plan's estimate (the figure
/// `--dry-run` prints) at the start, corrected by the pace observed as connections finish.
public struct RemainingTime: Sendable, Equatable {
    /// The plan's estimate for all its connections, in seconds; 0 when the limits imply no wait
    /// (pacing off, or calls that fit in the first window).
    public var planSeconds: Double
    /// How many connections that estimate is for.
    public var plannedConnections: Int

    public init(planSeconds: Double, plannedConnections: Int) {
        self.planSeconds = planSeconds
        self.plannedConnections = plannedConnections
    }

    /// The estimate of `plan`, the same computation `--dry-run` prints.
    public init(plan: ExportPlan) {
        self.init(planSeconds: Double(plan.estimatedSeconds), plannedConnections: plan.lines.count)
    }

    /// Seconds left when `done` of `total` connections have ended after `elapsed` seconds.
    /// A resumed run fetches fewer connections than were planned, so the plan's figure is taken
    /// per connection and scaled to `total`.
    public func seconds(elapsed: Double, done: Int, total: Int) -> Double? {
        let plan =
            plannedConnections > 0 && total != plannedConnections
            ? planSeconds * Double(total) / Double(plannedConnections) : planSeconds
        return Self.estimate(planSeconds: plan, elapsed: elapsed, done: done, total: total)
    }

    /// Seconds left, or nil when nothing says yet (no plan and no connection done).
    ///
    /// The plan's share of what is left and the observed pace (elapsed × left / done) are blended,
    /// the observed pace weighing as much as the share of connections done: connections run
    /// several at once, so the first to end come long before the run's real pace shows, and the
    /// observed figure alone would start several times too high. A plan of 0 (pacing off) says
    /// the limits imply no wait, not that the calls take no time, so it is not blended in.
    public static func estimate(planSeconds: Double, elapsed: Double, done: Int, total: Int) -> Double? {
        guard total > 0 else { return 0 }
        let done = min(max(done, 0), total)
        guard done < total else { return 0 }
        let left = Double(total - done)
        let planLeft: Double? = planSeconds > 0 ? planSeconds * left / Double(total) : nil
        guard done > 0 else { return planLeft }
        let observedLeft = max(elapsed, 0) * left / Double(done)
        guard let planLeft else { return observedLeft }
        let weight = Double(done) / Double(total)
        return (1 - weight) * planLeft + weight * observedLeft
    }

    /// `42 s`, `3 min 5 s`, `1 h 4 min`: rounded up, so the last seconds never read 0.
    public static func text(_ seconds: Double) -> String {
        let whole = Int(max(seconds, 0).rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 {
            let (minutes, rest) = whole.quotientAndRemainder(dividingBy: 60)
            return rest == 0 ? "\(minutes) min" : "\(minutes) min \(rest) s"
        }
        let minutes = (whole + 59) / 60
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }
}
