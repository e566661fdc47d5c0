/// What `paybatch refresh` (or `export --refresh-first`) was asked to do.
public struct RefreshOptions: Sendable {
    /// Customer or connection ids; empty asks for every live connection.
    public var only: [String]
    /// How long to follow the started jobs; nil starts them and returns.
    public var wait: Duration?
    /// The first pause between two readings of a job; each following pause doubles, up to
    /// `longestPoll` (Finch's syncs take minutes: no need to ask every second).
    public var firstPoll: Duration
    public var longestPoll: Duration

    public init(
        only: [String] = [], wait: Duration? = nil, firstPoll: Duration = .seconds(1),
        longestPoll: Duration = .seconds(15)
    ) {
        self.only = only
        self.wait = wait
        self.firstPoll = firstPoll
        self.longestPoll = longestPoll
    }
}
