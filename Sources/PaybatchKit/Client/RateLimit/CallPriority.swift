/// The priority of the calls made in a task: lower is served first by the `RateLimiter` among
/// calls of one bucket waiting at once. An export sets each connection's place in its reports.
public enum CallPriority {
    @TaskLocal public static var current: Int?
}
