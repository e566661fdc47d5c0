/// A `--db` / `PAYBATCH_DB` / `db` value that looks like a PostgreSQL URL but is not one paybatch
/// can use: a usage error (SPEC §2, exit 64) that says what was wrong and how to write it. The URL
/// is shown with any password masked, so the message can go to a log.
public struct PostgresURLError: PaybatchFailure, Equatable {
    /// The URL as given, password masked.
    public let url: String
    public let problem: String
    public let remedy: String?

    public init(url: String, problem: String, remedy: String) {
        self.url = Self.masked(url)
        self.problem = problem
        self.remedy = remedy
    }

    public var exitStatus: ExitStatus { .usage }
    public var message: String { "The store URL \(url) \(problem)." }

    /// `text` with the password of `user:password@` and of `password=` replaced by `***`.
    static func masked(_ text: String) -> String {
        text.replacing(#/(://[^/@:?#]*):[^@/?#]*@/#) { "\($0.output.1):***@" }
            .replacing(#/([?&]password=)[^&#]*/#) { "\($0.output.1)***" }
    }
}
