import Testing

extension Trait where Self == ConditionTrait {
    /// Runs a test only beside a PostgreSQL server (`make test` always starts one), and says why
    /// it was skipped otherwise. Here, for the unit and the end-to-end tests alike.
    public static var needsPostgres: Self {
        .enabled(if: TestPostgres.enabled, Comment(rawValue: TestPostgres.skipReason))
    }
}
