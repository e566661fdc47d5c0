import ArgumentParser
import PaybatchKit

/// The options every command takes (SPEC §1), before or after the command's name.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The store (env PAYBATCH_DB; default ./paybatch.sqlite).")
    var db: String?

    @Option(help: "Log lines on stderr as text or json (one JSON object a line).")
    var logFormat: LogFormatOption = .text

    @Flag(help: "Only errors on stderr.")
    var quiet = false

    @Flag(
        help: """
            Everything on stderr: every request attempt (method, path, bucket, status, request id, \
            attempt, time waited for the rate limiter, Retry-After) and every retry. Without it, \
            text on a stderr that is not a terminal (cron) shows only warnings, errors and the \
            run's summary.
            """)
    var verbose = false

    @Option(help: "The config file (env PAYBATCH_CONFIG; default ./paybatch.toml when it exists).")
    var config: String?

    @Option(help: "Multiplies Finch's rate limits: 1 = Finch's numbers, 60 = per second, 0 = no pacing.")
    var rateScale: Double?

    @Option(
        help: """
            The share of every Finch rate limit, per-IP included, that paybatch keeps to, above 0 \
            and at most 1 (env PAYBATCH_BUDGET_SHARE; default 1): 0.5 leaves half of the \
            application's budget to its other callers.
            """)
    var budgetShare: Double?

    @Option(help: "Seconds one request may take before it is retried (default 360, Finch's own timeout).")
    var requestTimeout: Double?

    @Option(help: "Seconds to wait for another run's lock before giving up with exit 75 (default 0).")
    var waitLock: Double?

    @Option(help: "Take this ISO 8601 time as now (env PAYBATCH_NOW), for tests and replays.")
    var now: String?

    /// The flags in the config file's key names, for `SettingsResolver`.
    var settingFlags: [String: String] {
        var flags: [String: String] = [:]
        if let db { flags["db"] = db }
        if let rateScale { flags["rate_scale"] = String(rateScale) }
        if let budgetShare { flags["budget_share"] = String(budgetShare) }
        if let requestTimeout { flags["request_timeout"] = String(requestTimeout) }
        if let waitLock { flags["wait_lock"] = String(waitLock) }
        return flags
    }
}

/// `--log-format text|json`.
enum LogFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, json
    var format: LogFormat { self == .json ? .json : .text }

    /// The format the arguments ask for, read before they are parsed (a usage error is reported
    /// in it too); text when they name none, or none that parses.
    static func requested(in arguments: [String]) -> LogFormatOption {
        var requested = LogFormatOption.text
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--log-format=") {
                requested =
                    LogFormatOption(rawValue: String(argument.dropFirst("--log-format=".count))) ?? requested
            } else if argument == "--log-format", index + 1 < arguments.count {
                requested = LogFormatOption(rawValue: arguments[index + 1]) ?? requested
            }
        }
        return requested
    }
}
