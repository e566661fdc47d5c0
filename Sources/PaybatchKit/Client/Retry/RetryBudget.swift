/// The retries one run may spend in all: 50 plus 20 % of its planned calls (SPEC §3), so that a
/// sick Finch ends the run in minutes instead of retrying every call six times.
public actor RetryBudget {
    public private(set) var limit: Int
    public private(set) var spent = 0
    /// How many of the spent retries answered a 429; a budget spent on those stops the run (75).
    public private(set) var spentOnRateLimits = 0

    public init(plannedCalls: Int = 0) {
        limit = Self.limit(forPlannedCalls: plannedCalls)
    }

    public static func limit(forPlannedCalls calls: Int) -> Int { 50 + (calls * 20 + 99) / 100 }

    /// Sets the budget once the run knows how many calls it plans.
    public func plan(calls: Int) { limit = Self.limit(forPlannedCalls: calls) }

    /// Takes one retry from the budget; false when none is left.
    public func spend(onRateLimit: Bool) -> Bool {
        guard spent < limit else { return false }
        spent += 1
        if onRateLimit { spentOnRateLimits += 1 }
        return true
    }
}
