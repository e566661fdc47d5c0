import Foundation

extension FinchRunStop {
    /// SPEC §2's "the whole run was rate-limited out" when the retry budget outlasted it: every
    /// connection fetched ended `failed` with a 429 among its errors, so nothing was fetched and
    /// reports would only list refusals. Nil otherwise (a run with something to show goes on to
    /// render, exit 3). A run this small never spends the budget: eight connections whose
    /// introspect is refused six times each use 40 retries of at least 50.
    static func rateLimitedOut(_ fetched: [ConnectionFacts], now: Date) -> FinchRunStop? {
        guard !fetched.isEmpty,
            fetched.allSatisfy({ data in
                data.status == .failed && data.errors.contains { $0.httpStatus == 429 }
            }),
            let last = fetched.last?.errors.last(where: { $0.httpStatus == 429 })
        else { return nil }
        return FinchRunStop(
            rateLimitedOut: last, reason: "Finch refused every connection's calls for its rate limits",
            now: now)
    }
}
