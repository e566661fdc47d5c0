import Testing

extension Trait where Self == ConditionTrait {
    /// Runs a test only beside a PostgreSQL server (`make test` always starts one), and says why
    /// it was skipped otherwise.
    public static var needsPostgres: Self {
        .enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipReason))
    }
}
